"""Reply words, one module per area of the exchange; sms.templates merges them."""
