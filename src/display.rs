//! How numbers are shown to a person: scores as whole numbers, gaps in words, changes with a sign.
//! The core computes unrounded numbers; every screen, chart and printout rounds through here.

/// A score, target or percentage as a whole number.
pub fn whole(value: f64) -> String {
    // Integer formatting is far smaller in wasm than fixed-precision float formatting.
    (value.round() as i64).to_string()
}

/// A gap to a target in words: "22 short", "7 beyond" or "on target".
pub fn gap_words(gap: f64) -> String {
    let rounded = gap.round();
    if rounded > 0.0 {
        format!("{} short", whole(gap))
    } else if rounded < 0.0 {
        format!("{} beyond", whole(-gap))
    } else {
        "on target".to_owned()
    }
}

/// "+4", "−3" or "0": a score change rounded for display, with a real minus sign.
pub fn signed_whole(change: f64) -> String {
    let rounded = change.round() as i64;
    match rounded {
        0 => "0".to_owned(),
        r if r > 0 => format!("+{r}"),
        r => format!("\u{2212}{}", -r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_for_display() {
        assert_eq!(whole(87.5), "88");
        assert_eq!(gap_words(22.4), "22 short");
        assert_eq!(gap_words(-7.5), "8 beyond");
        assert_eq!(gap_words(0.4), "on target");
        assert_eq!(signed_whole(-3.2), "\u{2212}3");
        assert_eq!(signed_whole(4.5), "+5");
    }
}
