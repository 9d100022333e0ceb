"""What happens to findings after the rules ran: inline suppressions and statistics."""
