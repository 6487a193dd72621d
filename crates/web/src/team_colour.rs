//! A team's colour as the pages show it. The Content-Security-Policy allows no inline `style=`,
//! so the colour a team was given (any `#rrggbb` from the colour picker) is shown as the nearest of
//! a fixed palette of classes, `.badge.team-c0` … `.team-c7` in `assets/style.css`: each dark
//! enough to stand out from a white card (≥ 3:1, WCAG 1.4.11), and far enough apart to tell teams
//! apart. The stored colour itself is kept as chosen (the API answers it).

/// The palette, in the order of the classes `team-c0` … `team-c7` (the same values as style.css).
const PALETTE: [(u8, u8, u8); 8] = [
    (0x0b, 0x5c, 0xad), // blue (the default colour of a new team)
    (0x0f, 0x76, 0x6e), // teal
    (0x15, 0x80, 0x3d), // green
    (0xa1, 0x62, 0x07), // ochre
    (0xb9, 0x1c, 0x1c), // red
    (0xa2, 0x1c, 0xaf), // magenta
    (0x6d, 0x28, 0xd9), // violet
    (0x47, 0x55, 0x69), // slate
];

/// The class of the palette colour nearest to `colour` (`#rrggbb`; anything else: the first).
pub fn class(colour: &str) -> &'static str {
    const CLASSES: [&str; 8] = [
        "team-c0", "team-c1", "team-c2", "team-c3", "team-c4", "team-c5", "team-c6", "team-c7",
    ];
    let Some((r, g, b)) = rgb(colour) else {
        return CLASSES[0];
    };
    // A weighted RGB distance ("redmean"-like weights): close enough to how far apart colours look.
    let distance = |&(pr, pg, pb): &(u8, u8, u8)| {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
        2 * d(r, pr) + 4 * d(g, pg) + 3 * d(b, pb)
    };
    let nearest = PALETTE
        .iter()
        .enumerate()
        .min_by_key(|(_, p)| distance(p))
        .map_or(0, |(i, _)| i);
    CLASSES[nearest]
}

fn rgb(colour: &str) -> Option<(u8, u8, u8)> {
    let hex = colour.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((part(0)?, part(2)?, part(4)?))
}

#[cfg(test)]
mod tests {
    use super::class;

    #[test]
    fn a_colour_is_shown_as_the_nearest_of_the_palette() {
        assert_eq!(class("#0b5cad"), "team-c0");
        assert_eq!(class("#2563eb"), "team-c0");
        assert_eq!(class("#00a000"), "team-c2");
        assert_eq!(class("#ff0000"), "team-c4");
        assert_eq!(class("#ffcc00"), "team-c3");
        assert_eq!(class("#800080"), "team-c5");
        assert_eq!(class("#7c3aed"), "team-c6");
        assert_eq!(class("#000000"), "team-c7");
        assert_eq!(class("#808080"), "team-c7");
        assert_eq!(class("#14b8a6"), "team-c1");
        assert_eq!(class("not a colour"), "team-c0");
        assert_eq!(class("#é12345"), "team-c0");
    }
}
