//! The assessment's pictures: CDA's RPP matrix with each outcome in its cell and arrows for a
//! social actor's move from one cell to another over time, and the layers of the multilayer
//! scale as a funnel from the individual participant to society, with counts.
//!
//! Pure, like the wheel: text in, text out, presentation attributes only. The words (title,
//! description, axis labels) come from the caller, in the reader's language. Every marker is
//! told apart by its number and its fill (hollow: draft; hatched grey: substantiated; solid:
//! reported), so the picture reads in black and white too.
//!
//! Both keep CDA's published layout in every language and say `direction="ltr"`, so that a
//! right-to-left page does not turn their labels' anchors; words in the reader's language still
//! read in their own order.

use std::fmt::Write as _;

use crate::xml::{Num, escape_into};

/// How far along its harvest an outcome is, as the marker shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerState {
    Draft,
    Substantiated,
    Reported,
}

/// One outcome in the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RppMarker {
    /// The number the list beside the picture gives the outcome.
    pub number: usize,
    /// Its cell: 0 more people × individual-personal, 1 key people × individual-personal,
    /// 2 more people × socio-political, 3 key people × socio-political.
    pub cell: usize,
    pub state: MarkerState,
    /// What a pointer over the marker tells (what changed, as the reader may read it).
    pub label: String,
}

/// The matrix and what it shows.
#[derive(Debug, Clone)]
pub struct RppPicture<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The columns: more people, key people.
    pub columns: [&'a str; 2],
    /// The rows: individual-personal, socio-political.
    pub rows: [&'a str; 2],
    pub markers: &'a [RppMarker],
    /// Moves between cells: (from, to), as indices into `markers`.
    pub movements: &'a [(usize, usize)],
}

const LEFT: f64 = 150.0;
const TOP: f64 = 40.0;
const CELL_W: f64 = 260.0;
const CELL_H: f64 = 190.0;
const MARKER_R: f64 = 13.0;
const STEP: f64 = 34.0;

/// Where the `i`-th marker of a cell sits: rows of markers from the cell's top left corner.
fn marker_at(cell: usize, i: usize) -> (f64, f64) {
    let (col, row) = (cell % 2, cell / 2);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let per_row = ((CELL_W - 20.0) / STEP).floor() as usize;
    let (x0, y0) = (LEFT + CELL_W * col as f64, TOP + CELL_H * row as f64);
    (x0 + 10.0 + STEP / 2.0 + STEP * (i % per_row) as f64, y0 + 10.0 + STEP / 2.0 + STEP * (i / per_row) as f64)
}

/// How many markers fit in a cell; more are counted in its corner.
fn cell_capacity() -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let per_row = ((CELL_W - 20.0) / STEP).floor() as usize;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = ((CELL_H - 20.0) / STEP).floor() as usize;
    per_row * rows
}

/// The RPP matrix as a complete `<svg>`, to inline in a page.
#[must_use]
pub fn rpp_matrix_svg(picture: &RppPicture<'_>) -> String {
    let (width, height) = (LEFT + 2.0 * CELL_W + 20.0, TOP + 2.0 * CELL_H + 20.0);
    let mut out = String::with_capacity(4096 + 300 * picture.markers.len());
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="rpp-title rpp-desc" font-family="sans-serif" font-size="13" fill="#000" direction="ltr"><title id="rpp-title">"##,
        Num(width),
        Num(height)
    );
    escape_into(&mut out, picture.title);
    out.push_str(r#"</title><desc id="rpp-desc">"#);
    escape_into(&mut out, picture.description);
    out.push_str("</desc>");
    out.push_str(
        r##"<defs><marker id="rpp-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#8a2b0f"/></marker><pattern id="rpp-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#5b6472" stroke-width="2.5"/></pattern></defs>"##,
    );
    // The grid, the key-people column shaded.
    for cell in 0..4 {
        let (col, row) = (cell % 2, cell / 2);
        let fill = if col == 1 { "#eef2f7" } else { "#ffffff" };
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="#1d2330" stroke-width="1.5"/>"##,
            Num(LEFT + CELL_W * col as f64),
            Num(TOP + CELL_H * row as f64),
            Num(CELL_W),
            Num(CELL_H)
        );
    }
    for (col, label) in picture.columns.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" font-weight="bold">"#,
            Num(LEFT + CELL_W * (col as f64 + 0.5)),
            Num(TOP - 14.0)
        );
        escape_into(&mut out, label);
        out.push_str("</text>");
    }
    for (row, label) in picture.rows.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="end" font-weight="bold">"#,
            Num(LEFT - 10.0),
            Num(TOP + CELL_H * (row as f64 + 0.5))
        );
        escape_into(&mut out, label);
        out.push_str("</text>");
    }
    // Each marker's place: its cell, in the order given.
    let mut seen = [0usize; 4];
    let capacity = cell_capacity();
    let places: Vec<Option<(f64, f64)>> = picture
        .markers
        .iter()
        .map(|m| {
            let cell = m.cell.min(3);
            let i = seen[cell];
            seen[cell] += 1;
            (i < capacity).then(|| marker_at(cell, i))
        })
        .collect();
    for (from, to) in picture.movements {
        let (Some(Some(a)), Some(Some(b))) = (places.get(*from), places.get(*to)) else { continue };
        // From rim to rim, so the arrowhead stays visible beside the marker it points at.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / length, dy / length);
        let _ = write!(
            out,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#8a2b0f" stroke-width="2" stroke-dasharray="6 3" marker-end="url(#rpp-arrow)"/>"##,
            Num(a.0 + ux * MARKER_R),
            Num(a.1 + uy * MARKER_R),
            Num(b.0 - ux * (MARKER_R + 2.0)),
            Num(b.1 - uy * (MARKER_R + 2.0))
        );
    }
    for (marker, place) in picture.markers.iter().zip(&places) {
        let Some((x, y)) = place else { continue };
        let (fill, text) = match marker.state {
            MarkerState::Draft => ("#ffffff", "#1d2330"),
            MarkerState::Substantiated => ("url(#rpp-hatch)", "#1d2330"),
            MarkerState::Reported => ("#1f4e79", "#ffffff"),
        };
        let _ = write!(out, r##"<g><title>{}. "##, marker.number);
        escape_into(&mut out, &marker.label);
        let _ = write!(
            out,
            r##"</title><circle cx="{}" cy="{}" r="{}" fill="{fill}" stroke="#1d2330" stroke-width="1.5"/>"##,
            Num(*x),
            Num(*y),
            Num(MARKER_R)
        );
        // A hatched marker's number sits on a white plate, to stay legible.
        if marker.state == MarkerState::Substantiated {
            let _ = write!(
                out,
                r##"<rect x="{}" y="{}" width="18" height="14" fill="#ffffff"/>"##,
                Num(x - 9.0),
                Num(y - 8.0)
            );
        }
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{text}">{}</text></g>"#,
            Num(*x),
            Num(y + 4.0),
            marker.number
        );
    }
    for (cell, count) in seen.iter().enumerate() {
        if *count > capacity {
            let (col, row) = (cell % 2, cell / 2);
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" text-anchor="end">+{}</text>"#,
                Num(LEFT + CELL_W * (col as f64 + 1.0) - 8.0),
                Num(TOP + CELL_H * (row as f64 + 1.0) - 8.0),
                count - capacity
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// One layer of the funnel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelLayer {
    pub label: String,
    pub count: usize,
    /// The count as the reader's language writes it (its digits and grouping), from the caller
    /// like every word of the picture.
    pub shown_count: String,
}

/// The layers as a funnel, widest (the individual) at the top, society at its narrow end, each
/// band with its label and its count.
#[must_use]
pub fn layer_funnel_svg(title: &str, description: &str, layers: &[FunnelLayer]) -> String {
    let (width, band, top) = (640.0_f64, 46.0_f64, 10.0_f64);
    let height = top * 2.0 + band * layers.len() as f64;
    let mut out = String::with_capacity(1024 + 300 * layers.len());
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="funnel-title funnel-desc" font-family="sans-serif" font-size="14" fill="#000" direction="ltr"><title id="funnel-title">"##,
        Num(width),
        Num(height)
    );
    escape_into(&mut out, title);
    out.push_str(r#"</title><desc id="funnel-desc">"#);
    escape_into(&mut out, description);
    for layer in layers {
        out.push(' ');
        escape_into(&mut out, &layer.label);
        out.push_str(": ");
        escape_into(&mut out, &layer.shown_count);
        out.push('.');
    }
    out.push_str("</desc>");
    let n = layers.len().max(1) as f64;
    let half = |i: f64| (width / 2.0 - 10.0) * (1.0 - 0.7 * i / n);
    for (i, layer) in layers.iter().enumerate() {
        let (upper, lower) = (half(i as f64), half(i as f64 + 1.0));
        let (y0, y1) = (top + band * i as f64, top + band * (i as f64 + 1.0));
        let centre = width / 2.0;
        let fill = if i % 2 == 0 { "#dbe5f0" } else { "#c3d3e6" };
        let _ = write!(
            out,
            r##"<path d="M{} {}L{} {}L{} {}L{} {}Z" fill="{fill}" stroke="#1d2330" stroke-width="1"/>"##,
            Num(centre - upper),
            Num(y0),
            Num(centre + upper),
            Num(y0),
            Num(centre + lower),
            Num(y1),
            Num(centre - lower),
            Num(y1)
        );
        let _ = write!(out, r#"<text x="{}" y="{}" text-anchor="middle">"#, Num(centre), Num(y0 + band / 2.0 + 5.0));
        escape_into(&mut out, &layer.label);
        out.push_str(r#" — <tspan font-weight="bold">"#);
        escape_into(&mut out, &layer.shown_count);
        out.push_str("</tspan></text>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(number: usize, cell: usize, state: MarkerState) -> RppMarker {
        RppMarker { number, cell, state, label: format!("outcome <{number}>") }
    }

    #[test]
    fn the_matrix_names_itself_and_draws_each_outcome_once_with_its_moves() {
        let markers = [
            marker(1, 0, MarkerState::Draft),
            marker(2, 3, MarkerState::Reported),
            marker(3, 1, MarkerState::Substantiated),
        ];
        let picture = RppPicture {
            title: "Outcomes & cells",
            description: "Four cells",
            columns: ["More people", "Key people"],
            rows: ["Individual", "Socio-political"],
            markers: &markers,
            movements: &[(0, 1), (2, 1)],
        };
        let svg = rpp_matrix_svg(&picture);
        assert!(svg.contains(r#"<title id="rpp-title">Outcomes &amp; cells</title>"#));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("marker-end=").count(), 2);
        assert!(svg.contains("outcome &lt;2&gt;"), "labels are escaped");
        assert!(!svg.contains("style="), "presentation attributes only");
        // Marker 2 is in the key-people, socio-political cell: right column, lower row.
        let (x, y) = marker_at(3, 0);
        assert!(x > LEFT + CELL_W && y > TOP + CELL_H);
        assert_eq!(rpp_matrix_svg(&picture), svg, "the same input gives the same bytes");
    }

    #[test]
    fn a_full_cell_counts_the_markers_it_cannot_show() {
        let markers: Vec<RppMarker> =
            (0..cell_capacity() + 3).map(|i| marker(i + 1, 2, MarkerState::Reported)).collect();
        let picture = RppPicture {
            title: "t",
            description: "d",
            columns: ["a", "b"],
            rows: ["c", "d"],
            markers: &markers,
            movements: &[],
        };
        let svg = rpp_matrix_svg(&picture);
        assert_eq!(svg.matches("<circle").count(), cell_capacity());
        assert!(svg.contains(">+3</text>"));
    }

    #[test]
    fn the_funnel_narrows_and_tells_each_count() {
        let layers: Vec<FunnelLayer> = ["Individual", "Group", "Society"]
            .iter()
            .zip([5, 3, 1])
            .map(|(l, c)| FunnelLayer { label: (*l).to_owned(), count: c, shown_count: c.to_string() })
            .collect();
        let svg = layer_funnel_svg("Layers", "A funnel.", &layers);
        assert_eq!(svg.matches("<path").count(), 3);
        assert!(svg.contains("Individual: 5. Group: 3. Society: 1."), "the text alternative holds the counts");
        assert!(svg.contains(r#"<title id="funnel-title">Layers</title>"#));
    }
}
