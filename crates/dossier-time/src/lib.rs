//! Find temporal expressions and normalise them to TimeML values, Solar Hijri included
