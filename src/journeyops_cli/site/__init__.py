"""The static journey bank site: `journeyops site build` and `site serve`."""
