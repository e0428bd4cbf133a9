"""The public site: static HTML, CSS and SVG charts drawn from a publication's tables only."""
