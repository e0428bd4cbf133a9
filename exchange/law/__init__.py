"""The law in the market (rule 11): labour rules as dated data per market, and the checks that
keep every offer and booking inside them. Import the modules themselves: `rules` (the rule book),
`checks` (what the exchange refuses), `hours` (working-time arithmetic), `minimums` (a rise in the
minimum wage), `breaks`, `right_to_work`, `skips` (who the law kept from a shift), `people`
(date of birth, the weekly opt-out) and `history` (rule sets for the console)."""
