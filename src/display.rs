//! How numbers are shown to a person: scores as whole numbers, gaps in words, changes with a sign.
//! The core computes unrounded numbers; every screen, chart and printout rounds through here.

use crate::i18n::{tr, trf, trn};

/// A score, target or percentage as a whole number.
pub fn whole(value: f64) -> String {
    // Integer formatting is far smaller in wasm than fixed-precision float formatting.
    (value.round() as i64).to_string()
}

/// How far short of a target, in words: "9 points short", "1 point short", or "less than a point
/// short" for a gap above 0 that rounds to 0 (a focus area said to be "0 points short" reads as none).
pub fn points_short(gap: f64) -> String {
    match gap.round() as i64 {
        0 => tr("less than a point short"),
        n if n > 0 => trn(n as usize, "{n} point short", "{n} points short", &[]),
        // No focus area is beyond its target; said as the number it is, should a caller ask.
        n => trf("{gap} points short", &[&n.to_string()]),
    }
}

/// A gap to a target in words: "22 short", "7 beyond" or "on target".
pub fn gap_words(gap: f64) -> String {
    let rounded = gap.round();
    if rounded > 0.0 {
        trf("{gap} short", &[&whole(gap)])
    } else if rounded < 0.0 {
        trf("{gap} beyond", &[&whole(-gap)])
    } else {
        tr("on target")
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

/// Below this, `number` shows a value to six decimals exactly: its millionths (value × 10⁶) stay below
/// 2⁵³ ≈ 9.007e15, where an `f64` holds every whole number, so rounding them is exact. Above it the
/// product is itself rounded to 2, 4, ... 128 (at 1e18), and the decimals shown would be made up
/// ("999999999999.000064" for 999,999,999,999). Fitting in the `u64` they are converted to (1.8e13)
/// is not enough. (Exact for the `f64` given: from 2³³ ≈ 8.6e9 on, f64s are themselves 2⁻¹⁹ apart,
/// so a file's sixth decimal may already have been rounded when it was read.)
const DECIMALS_EXACT_BELOW: f64 = 9e9;

/// A number read from a file, for a problem message: whole numbers and everyday decimals as people
/// write them ("150", "-2", "0.25", to six decimals, below 9e9: `DECIMALS_EXACT_BELOW`), whole
/// numbers as they are up to 1e19, others in scientific notation with up to seven significant digits
/// ("1.5e300", "9.5e9"). Not `{}` on an `f64`: Rust's shortest float formatting costs about 10 KB of
/// the widget's wasm.
pub fn number(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value < 0.0 {
        return format!("-{}", number(-value));
    }
    if value.is_infinite() {
        return "infinity".to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    if (1e-6..DECIMALS_EXACT_BELOW).contains(&value) {
        return with_decimals((value * 1e6).round() as u64, "");
    }
    if value.fract() == 0.0 && value < 1e19 {
        return (value as u64).to_string();
    }
    // Scientific notation with up to seven significant digits; the loops stay within ±330 steps.
    let (mut mantissa, mut exponent) = (value, 0i32);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let mut millionths = (mantissa * 1e6).round() as u64;
    if millionths >= 10_000_000 {
        millionths /= 10;
        exponent += 1;
    }
    with_decimals(millionths, &format!("e{exponent}"))
}

/// `millionths` / 1,000,000 in decimal without trailing zeros, then `suffix`.
fn with_decimals(millionths: u64, suffix: &str) -> String {
    let (whole, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    if fraction == 0 {
        return format!("{whole}{suffix}");
    }
    let digits = format!("{fraction:06}");
    format!("{whole}.{}{suffix}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_short_in_words() {
        assert_eq!(points_short(9.2), "9 points short");
        assert_eq!(points_short(1.4), "1 point short");
        assert_eq!(points_short(0.3), "less than a point short");
        assert_eq!(points_short(0.5), "1 point short");
    }

    #[test]
    fn rounding_for_display() {
        assert_eq!(whole(87.5), "88");
        assert_eq!(gap_words(22.4), "22 short");
        assert_eq!(gap_words(-7.5), "8 beyond");
        assert_eq!(gap_words(0.4), "on target");
        assert_eq!(signed_whole(-3.2), "\u{2212}3");
        assert_eq!(signed_whole(4.5), "+5");
    }

    #[test]
    fn numbers_from_files() {
        assert_eq!(number(150.0), "150");
        assert_eq!(number(-2.0), "-2");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(100.5), "100.5");
        assert_eq!(number(1e15), "1000000000000000");
        assert_eq!(number(1.5e300), "1.5e300");
        assert_eq!(number(-2.5e-9), "-2.5e-9");
        assert_eq!(number(f64::MAX), "1.797693e308");
    }

    #[test]
    fn decimals_are_exact_up_to_their_bound_and_not_made_up_beyond() {
        assert_eq!(number(8_999_999_999.5), "8999999999.5");
        assert_eq!(number(8_999_999_999.999_998), "8999999999.999998");
        assert_eq!(number(-8_999_999_999.25), "-8999999999.25");
        // Exact for the f64 it is given: from 2³³ on, f64s are 2⁻¹⁹ apart, so a file's
        // 8999999999.000001 is read as the f64 nearest it, whose millionths round to ...000002.
        assert_eq!(number(8_999_999_999.000_001), "8999999999.000002");
        assert_eq!(number(8_589_934_591.999_999), "8589934591.999999");
        assert_eq!(number(DECIMALS_EXACT_BELOW), "9000000000");
        // Beyond: whole numbers as they are, others in scientific notation, never invented decimals
        // (millionths computed there gave "999999999999.000064" and "9500000000.123456").
        assert_eq!(number(999_999_999_999.0), "999999999999");
        assert_eq!(number(987_654_321_987.0), "987654321987");
        assert_eq!(number(9_500_000_000.123_457), "9.5e9");
        assert_eq!(number(9_000_000_000.5), "9e9");
        assert_eq!(number(123_456_789_012.345_67), "1.234568e11");
        assert_eq!(number(9_999_999_999_999_999_999.0), "1e19");
    }
}
