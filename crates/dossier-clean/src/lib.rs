//! Remove page chrome from scraped article text, keep an exact offset map, extract metadata
