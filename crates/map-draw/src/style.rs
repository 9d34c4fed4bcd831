//! How sides, decision-makers and ties look. Every distinction is made twice, once in colour and
//! once in something that survives a black-and-white printer (a shape, a ring, a line's weight
//! and darkness), so no reader depends on telling colours apart.

use std::fmt::Write as _;

use crate::xml::Num;

/// Okabe and Ito's colour-blind-safe palette, strongest contrasts first: two sides get blue and
/// vermillion, which every kind of colour vision tells apart. Yellow comes last because it is
/// faint on white; the dark outline every marker has keeps it visible.
const SIDE_COLOURS: [&str; 7] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"];
/// Third parties stand on no side: neutral grey, and a shape no side uses.
pub(crate) const THIRD_PARTY_COLOUR: &str = "#999999";
pub(crate) const MARKER_OUTLINE: &str = "#1a1a1a";
/// Cross-line ties are what the map is for (they are how a process transfers), so they are
/// near-black and heavy; every other tie is a light grey that recedes behind them.
pub(crate) const CROSS_LINE_TIE: &str = "#1a1a1a";
pub(crate) const OTHER_TIE: &str = "#ababab";

/// The marker shapes, one per side; the hexagon is kept for third parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Pentagon,
    Hexagon,
}

const SIDE_SHAPES: [Shape; 6] =
    [Shape::Circle, Shape::Square, Shape::TriangleUp, Shape::Diamond, Shape::TriangleDown, Shape::Pentagon];

/// What a side's markers look like. Past six sides the shapes repeat, but with a different
/// colour (seven colours against six shapes), so 42 sides stay distinct.
pub(crate) fn side_look(side: Option<usize>) -> (&'static str, Shape) {
    match side {
        Some(index) => (SIDE_COLOURS[index % SIDE_COLOURS.len()], SIDE_SHAPES[index % SIDE_SHAPES.len()]),
        None => (THIRD_PARTY_COLOUR, Shape::Hexagon),
    }
}

/// Writes `shape` centred on the origin with about the area of a circle of `radius`, so no
/// side looks bigger than another. `attributes` go on the element (a fill, say).
pub(crate) fn write_shape(out: &mut String, shape: Shape, radius: f64, attributes: &str) {
    match shape {
        Shape::Circle => {
            let _ = write!(out, r#"<circle r="{}"{attributes}/>"#, Num(radius));
        }
        Shape::Square => {
            let half = radius * 0.886;
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}"{attributes}/>"#,
                Num(-half),
                Num(-half),
                Num(2.0 * half),
                Num(2.0 * half)
            );
        }
        Shape::TriangleUp => polygon(out, 3, radius * 1.35, 0.0, 0.2 * radius, attributes),
        Shape::TriangleDown => polygon(out, 3, radius * 1.35, 180.0, -0.2 * radius, attributes),
        Shape::Diamond => polygon(out, 4, radius * 1.25, 0.0, 0.0, attributes),
        Shape::Pentagon => polygon(out, 5, radius * 1.1, 0.0, 0.05 * radius, attributes),
        Shape::Hexagon => polygon(out, 6, radius * 1.1, 30.0, 0.0, attributes),
    }
}

/// A regular polygon of `corners` on a circle of `circumradius`, the first corner `turn_degrees`
/// clockwise from straight up, nudged down by `drop` so its visual centre sits on the origin.
fn polygon(out: &mut String, corners: u32, circumradius: f64, turn_degrees: f64, drop: f64, attributes: &str) {
    out.push_str(r#"<polygon points=""#);
    for corner in 0..corners {
        let angle = (turn_degrees + 360.0 * f64::from(corner) / f64::from(corners)).to_radians();
        if corner > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", Num(circumradius * angle.sin()), Num(drop - circumradius * angle.cos()));
    }
    let _ = write!(out, r#""{attributes}/>"#);
}

/// A tie's line width: strength 1 to 5 (clamped) in even steps, cross-line ties a step heavier.
pub(crate) fn tie_width(strength: u8, cross_line: bool) -> f64 {
    let strength = f64::from(strength.clamp(1, 5));
    if cross_line { 0.9 + 0.55 * strength } else { 0.3 + 0.4 * strength }
}
