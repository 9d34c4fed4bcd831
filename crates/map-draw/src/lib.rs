//! Draws the multi-track system map as an SVG wheel, the form the field itself uses (Diamond
//! and McDonald's multi-track wheel): the nine tracks are the sectors, clockwise from Government
//! at the top; Lederach's levels of leadership are the rings, top leadership at the hub and the
//! grassroots at the rim; actors are markers in their cell and ties are curves between them.
//!
//! Pure: text in, text out. The SVG uses presentation attributes only (no `style` attribute, no
//! `<style>` element, no script, no external reference), so a page can inline it under a
//! Content-Security-Policy of `default-src 'none'; style-src 'self'`. Every distinction it
//! draws is made in colour and again in shape or weight, so it reads in black-and-white print.
//!
//! The wheel keeps the field's orientation in every language (track 1 at the top, clockwise),
//! and says `direction="ltr"`: a page read right to left would otherwise turn the meaning of
//! every label's `text-anchor`, pushing labels onto the drawing.

mod geometry;
pub mod outcomes;
mod style;
mod xml;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use tracktwo_domain::map::{Level, TieKind, Track};

pub use geometry::{
    CENTRE, HUB_RADIUS, RIM_RADIUS, WHEEL_SIZE, marker_radius, polar, position, ring_bounds, sector_bounds,
    sector_centre, to_polar,
};

use geometry::{CellLayout, reach, ring_gap};
use style::{CROSS_LINE_TIE, MARKER_OUTLINE, OTHER_TIE, Shape, side_look, tie_width, write_shape};
use xml::{Num, escape, escape_into, safe_href};

/// A side of the conflict, as the legend names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelSide {
    pub name: String,
}

/// One actor on the wheel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelActor {
    /// The code name, or "Name (CODE)" when the reader may see names.
    pub label: String,
    pub primary_track: Track,
    pub level: Level,
    /// An index into [`Wheel::sides`]; `None` for a third party. An actor whose index is out of
    /// range is left off the wheel (and so are its ties) rather than drawn on a wrong side.
    pub side: Option<usize>,
    pub decision_maker: bool,
    /// A link to the actor's page; only paths and `http(s)` addresses are linked.
    pub href: Option<String>,
}

/// A tie between two actors, by their indices in [`Wheel::actors`]. Ties with an index out of
/// range, or from an actor to itself, are skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelTie {
    pub from: usize,
    pub to: usize,
    pub kind: TieKind,
    pub directed: bool,
    /// 1 (weak) to 5 (strong); values outside are clamped.
    pub strength: u8,
    pub cross_line: bool,
}

/// Everything the wheel shows.
#[derive(Debug, Clone, Copy)]
pub struct Wheel<'a> {
    /// The drawing's accessible name (its `<title>`), such as the initiative's map as of a day.
    pub title: &'a str,
    pub sides: &'a [WheelSide],
    pub actors: &'a [WheelActor],
    pub ties: &'a [WheelTie],
}

/// The wheel as a complete `<svg>` element, to inline in an HTML page. It has no fixed size:
/// it fills its container's width and keeps its proportions. The same input gives the same
/// bytes.
#[must_use]
pub fn wheel_svg(wheel: &Wheel<'_>) -> String {
    let placed = place_actors(wheel);
    let ties: Vec<&WheelTie> = wheel.ties.iter().filter(|tie| drawable(tie, &placed)).collect();
    let ids = Ids::new(wheel);
    let legend = Legend::new(wheel.sides);
    let height = WHEEL_SIZE + legend.height();
    let linked = wheel.actors.iter().zip(&placed).any(|(actor, at)| at.is_some() && linked_href(actor).is_some());

    let mut out = String::with_capacity(16 * 1024 + 300 * wheel.actors.len() + 200 * ties.len());
    // A drawing whose markers are links cannot be one `img`: an image's children are
    // presentational, so its links would be hidden from assistive technology (axe's
    // nested-interactive rule). It is then a named group, whose links stay reachable.
    let role = if linked { "group" } else { "img" };
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="{role}" aria-labelledby="{t} {d}" font-family="sans-serif" font-size="12" fill="#000" direction="ltr">"##,
        Num(WHEEL_SIZE),
        Num(height),
        t = ids.title,
        d = ids.desc,
    );
    let _ = write!(out, r#"<title id="{}">"#, ids.title);
    escape_into(&mut out, wheel.title);
    let _ = write!(out, r#"</title><desc id="{}">"#, ids.desc);
    escape_into(&mut out, &description(wheel, &placed, &ties));
    out.push_str("</desc>");
    write_arrowheads(&mut out, &ids);
    write_background(&mut out);
    write_ties(&mut out, wheel, &placed, &ties, &ids);
    // Ring labels go under the markers: the layout keeps markers off their spoke, and should a
    // marker ever reach it, the label's halo must not white it out.
    write_ring_labels(&mut out);
    write_markers(&mut out, wheel, &placed);
    write_track_labels(&mut out);
    legend.write(&mut out, &ids);
    out.push_str("</svg>");
    out
}

/// Where an actor was put, and how big its marker is.
#[derive(Debug, Clone, Copy)]
struct Placed {
    at: (f64, f64),
    marker_radius: f64,
}

impl Placed {
    /// How far from the centre the marker reaches, its decision-maker ring included.
    fn reach(self, decision_maker: bool) -> f64 {
        if decision_maker { reach(self.marker_radius) } else { self.marker_radius }
    }
}

/// Lays every drawable actor out in its cell. Within a cell, actors are ordered by side (third
/// parties last), then label, then input order, so a side's actors sit together and the layout
/// does not depend on the order the caller happened to list them in.
fn place_actors(wheel: &Wheel<'_>) -> Vec<Option<Placed>> {
    let mut cells: BTreeMap<(Track, Level), Vec<usize>> = BTreeMap::new();
    for (index, actor) in wheel.actors.iter().enumerate() {
        if actor.side.is_none_or(|side| side < wheel.sides.len()) {
            cells.entry((actor.primary_track, actor.level)).or_default().push(index);
        }
    }
    let mut placed = vec![None; wheel.actors.len()];
    for ((track, level), mut members) in cells {
        members.sort_by(|&a, &b| {
            let (a_actor, b_actor) = (&wheel.actors[a], &wheel.actors[b]);
            let side_rank = |actor: &WheelActor| actor.side.unwrap_or(usize::MAX);
            side_rank(a_actor).cmp(&side_rank(b_actor)).then_with(|| a_actor.label.cmp(&b_actor.label)).then(a.cmp(&b))
        });
        let layout = CellLayout::new(level, members.len());
        for (slot, &index) in members.iter().enumerate() {
            placed[index] = Some(Placed { at: layout.place(track, slot), marker_radius: layout.marker_radius });
        }
    }
    placed
}

fn drawable(tie: &WheelTie, placed: &[Option<Placed>]) -> bool {
    let at = |index: usize| placed.get(index).copied().flatten().map(|p| p.at);
    match (at(tie.from), at(tie.to)) {
        (Some(a), Some(b)) => tie.from != tie.to && (a.0 - b.0).hypot(a.1 - b.1) > 0.5,
        _ => false,
    }
}

fn linked_href(actor: &WheelActor) -> Option<&str> {
    actor.href.as_deref().filter(|href| safe_href(href))
}

/// Element ids, unique to this drawing's content so that two wheels on one page (say, two
/// dates side by side) do not share ids; derived from the input, so output stays deterministic.
struct Ids {
    title: String,
    desc: String,
    arrow_cross: String,
    arrow_other: String,
}

impl Ids {
    fn new(wheel: &Wheel<'_>) -> Self {
        // FNV-1a: tiny, stable across platforms and releases, and collisions only cost a
        // shared id between two wheels on one page.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for &byte in bytes {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        feed(wheel.title.as_bytes());
        for actor in wheel.actors {
            feed(actor.label.as_bytes());
            feed(&[0, actor.primary_track.number()]);
        }
        feed(&(wheel.ties.len() as u64).to_le_bytes());
        let prefix = format!("ttw{:08x}", hash >> 32);
        Self {
            title: format!("{prefix}-title"),
            desc: format!("{prefix}-desc"),
            arrow_cross: format!("{prefix}-ac"),
            arrow_other: format!("{prefix}-ao"),
        }
    }
}

/// The text alternative: what the drawing shows, in counts.
fn description(wheel: &Wheel<'_>, placed: &[Option<Placed>], ties: &[&WheelTie]) -> String {
    let drawn: Vec<&WheelActor> =
        wheel.actors.iter().zip(placed).filter(|(_, p)| p.is_some()).map(|(a, _)| a).collect();
    let mut text = String::from(
        "The multi-track wheel: the nine tracks are sectors, clockwise from Government at the top; \
         the rings run from top leadership at the hub through middle-range to grassroots leadership at the rim. ",
    );
    let _ = write!(text, "{} {}", drawn.len(), plural(drawn.len(), "actor", "actors"));
    let mut per_side = Vec::new();
    for (index, side) in wheel.sides.iter().enumerate() {
        per_side.push(format!("{} {}", drawn.iter().filter(|a| a.side == Some(index)).count(), side.name));
    }
    let third = drawn.iter().filter(|a| a.side.is_none()).count();
    per_side.push(format!("{third} {}", plural(third, "third party", "third parties")));
    let _ = write!(text, " ({})", per_side.join(", "));
    let deciders = drawn.iter().filter(|a| a.decision_maker).count();
    let _ = write!(text, ", {deciders} of them Track One {}. ", plural(deciders, "decision-maker", "decision-makers"));
    let cross = ties.iter().filter(|t| t.cross_line).count();
    let directed = ties.iter().filter(|t| t.directed).count();
    let _ = write!(
        text,
        "{} {}, of which {cross} {} the line between the sides and {directed} {} directed.",
        ties.len(),
        plural(ties.len(), "tie", "ties"),
        plural(cross, "crosses", "cross"),
        plural(directed, "is", "are"),
    );
    text
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

fn write_arrowheads(out: &mut String, ids: &Ids) {
    out.push_str("<defs>");
    for (id, colour) in [(&ids.arrow_cross, CROSS_LINE_TIE), (&ids.arrow_other, OTHER_TIE)] {
        // User-space units: one arrowhead size for every line weight, big enough to see on the
        // thinnest tie and not swamping the thickest.
        let _ = write!(
            out,
            r#"<marker id="{id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 1L10 5L0 9z" fill="{colour}" stroke="none"/></marker>"#
        );
    }
    out.push_str("</defs>");
}

/// The rings as shaded discs (darker towards the hub, where the few top leaders stand) and the
/// sectors as white spokes between them.
fn write_background(out: &mut String) {
    let (cx, cy) = (Num(CENTRE.0), Num(CENTRE.1));
    let _ = write!(out, r#"<g stroke="none">"#);
    for (level, fill) in [(Level::Grassroots, "#f3f3f3"), (Level::MiddleRange, "#e4e4e4"), (Level::Top, "#d4d4d4")] {
        let _ = write!(out, r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="{fill}"/>"#, Num(ring_bounds(level).1));
    }
    let _ = write!(out, r##"<circle cx="{cx}" cy="{cy}" r="{}" fill="#fff"/></g>"##, Num(HUB_RADIUS));
    out.push_str(r##"<path fill="none" stroke="#fff" stroke-width="3" d=""##);
    for track in Track::ALL {
        let angle = sector_bounds(track).0;
        let (from, to) = (polar(angle, HUB_RADIUS), polar(angle, RIM_RADIUS));
        let _ = write!(out, "M{} {}L{} {}", Num(from.0), Num(from.1), Num(to.0), Num(to.1));
    }
    out.push_str(r#""/>"#);
}

/// Ties under the markers: the light ones first, the cross-line ones over them. Ties that look
/// alike share a group carrying their colour and arrowhead, which keeps each path short.
fn write_ties(out: &mut String, wheel: &Wheel<'_>, placed: &[Option<Placed>], ties: &[&WheelTie], ids: &Ids) {
    for (cross_line, colour, arrow) in [(false, OTHER_TIE, &ids.arrow_other), (true, CROSS_LINE_TIE, &ids.arrow_cross)]
    {
        for directed in [false, true] {
            let group: Vec<&&WheelTie> =
                ties.iter().filter(|tie| tie.cross_line == cross_line && tie.directed == directed).collect();
            if group.is_empty() {
                continue;
            }
            let _ = write!(out, r#"<g fill="none" stroke="{colour}" stroke-linecap="round""#);
            if directed {
                let _ = write!(out, r#" marker-end="url(#{arrow})""#);
            }
            out.push('>');
            for tie in group {
                write_tie(out, wheel, placed, tie);
            }
            out.push_str("</g>");
        }
    }
}

fn write_tie(out: &mut String, wheel: &Wheel<'_>, placed: &[Option<Placed>], tie: &WheelTie) {
    let (Some(from), Some(to)) = (placed[tie.from], placed[tie.to]) else { return };
    let control = curve_control(from.at, to.at);
    // A directed tie stops at its target's edge so the arrowhead shows beside the marker rather
    // than under it.
    let end = if tie.directed {
        pull_back(to.at, control, to.reach(wheel.actors[tie.to].decision_maker) + 1.5)
    } else {
        to.at
    };
    let _ = write!(
        out,
        r#"<path d="M{} {}Q{} {} {} {}" stroke-width="{}"><title>"#,
        Num(from.at.0),
        Num(from.at.1),
        Num(control.0),
        Num(control.1),
        Num(end.0),
        Num(end.1),
        Num(tie_width(tie.strength, tie.cross_line))
    );
    escape_into(out, &tie_title(wheel, tie));
    out.push_str("</title></path>");
}

/// The control point of a tie's curve: pulled towards the hub, more so the further apart the
/// ends are around the wheel, so ties between neighbours stay nearly straight and ties across
/// the wheel bow through its middle instead of cutting across other cells' markers.
fn curve_control(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    let middle = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let (a, _) = to_polar(from);
    let (b, _) = to_polar(to);
    let apart = (a - b).abs().min(std::f64::consts::TAU - (a - b).abs()) / std::f64::consts::PI;
    let pull = 0.1 + 0.4 * apart;
    (middle.0 + (CENTRE.0 - middle.0) * pull, middle.1 + (CENTRE.1 - middle.1) * pull)
}

/// `point` moved `distance` back towards `towards`.
fn pull_back(point: (f64, f64), towards: (f64, f64), distance: f64) -> (f64, f64) {
    let (dx, dy) = (towards.0 - point.0, towards.1 - point.1);
    let length = dx.hypot(dy);
    if length <= distance {
        return point;
    }
    (point.0 + dx / length * distance, point.1 + dy / length * distance)
}

fn tie_title(wheel: &Wheel<'_>, tie: &WheelTie) -> String {
    let (from, to) = (&wheel.actors[tie.from].label, &wheel.actors[tie.to].label);
    let mut title = if tie.directed {
        format!("{from} {} {to}", tie.kind.label())
    } else {
        format!("{from} and {to}: {}", tie.kind.label())
    };
    let _ = write!(title, ", strength {}", tie.strength.clamp(1, 5));
    if tie.cross_line {
        title.push_str(", across the line");
    }
    title
}

fn write_markers(out: &mut String, wheel: &Wheel<'_>, placed: &[Option<Placed>]) {
    let _ = write!(out, r#"<g stroke="{MARKER_OUTLINE}" stroke-width="1">"#);
    for (actor, placed) in wheel.actors.iter().zip(placed) {
        let Some(placed) = placed else { continue };
        let href = linked_href(actor);
        if let Some(href) = href {
            out.push_str(r#"<a href=""#);
            escape_into(out, href.trim());
            out.push_str(r#"">"#);
        }
        let _ = write!(out, r#"<g transform="translate({} {})"><title>"#, Num(placed.at.0), Num(placed.at.1));
        escape_into(out, &marker_title(wheel, actor));
        out.push_str("</title>");
        if actor.decision_maker {
            write_decision_maker_ring(out, placed.marker_radius);
        }
        let (colour, shape) = side_look(actor.side);
        write_shape(out, shape, placed.marker_radius, &format!(r#" fill="{colour}""#));
        out.push_str("</g>");
        if href.is_some() {
            out.push_str("</a>");
        }
    }
    out.push_str("</g>");
}

/// A decision-maker's outer ring, drawn under the marker: a white disc with a heavy rim, so the
/// marker reads as ringed (a double outline) in any colour and over any tie.
/// The rim thins with the marker, so a small ringed marker keeps its white gap and does not
/// turn into a black blot.
fn write_decision_maker_ring(out: &mut String, marker_radius: f64) {
    let rim = (0.2 * marker_radius).clamp(0.9, 1.6);
    let _ = write!(
        out,
        r##"<circle r="{}" fill="#fff" stroke-width="{}"/>"##,
        Num(marker_radius + ring_gap(marker_radius) - rim / 2.0),
        Num(rim)
    );
}

/// "UV-07 — Track 5 Research, training and education, middle-range leadership, Upper Vale,
/// decision-maker".
fn marker_title(wheel: &Wheel<'_>, actor: &WheelActor) -> String {
    let side = match actor.side.and_then(|index| wheel.sides.get(index)) {
        Some(side) => side.name.as_str(),
        None => "third party",
    };
    let mut title = format!(
        "{} — Track {} {}, {}, {side}",
        actor.label,
        actor.primary_track.number(),
        actor.primary_track.label(),
        actor.level.label().to_lowercase()
    );
    if actor.decision_maker {
        title.push_str(", decision-maker");
    }
    title
}

/// A white outline behind text, so labels stay legible where ties run under them.
const HALO: &str = r##" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke""##;

/// Track names outside the rim, the number first.
fn write_track_labels(out: &mut String) {
    const LINE_HEIGHT: f64 = 15.0;
    out.push_str(r#"<g font-size="13">"#);
    for track in Track::ALL {
        let angle = sector_centre(track);
        let point = polar(angle, RIM_RADIUS + 14.0);
        let anchor = if angle.sin() > 0.3 {
            "start"
        } else if angle.sin() < -0.3 {
            "end"
        } else {
            "middle"
        };
        let number = track.number().to_string();
        let lines = wrap(&format!("{number} {}", track.label()), 17);
        let line_count = lines.len() as f64;
        // Above the rim the block grows upwards, below it downwards, beside it both ways.
        let first_baseline = if angle.cos() > 0.5 {
            point.1 - (line_count - 1.0) * LINE_HEIGHT
        } else if angle.cos() < -0.5 {
            point.1 + 10.0
        } else {
            point.1 - (line_count - 1.0) * LINE_HEIGHT / 2.0 + 4.5
        };
        let _ = write!(out, r#"<text x="{}" y="{}" text-anchor="{anchor}">"#, Num(point.0), Num(first_baseline));
        for (index, line) in lines.iter().enumerate() {
            if index == 0 {
                // The number stands out: it is how the field refers to a track.
                let rest = line.strip_prefix(&number).unwrap_or(line);
                let _ = write!(out, r#"<tspan font-weight="bold">{number}</tspan>{}"#, escape(rest));
            } else {
                let _ =
                    write!(out, r#"<tspan x="{}" dy="{}">{}</tspan>"#, Num(point.0), Num(LINE_HEIGHT), escape(line));
            }
        }
        out.push_str("</text>");
    }
    out.push_str("</g>");
}

/// Ring names along the spoke at six o'clock, reading upwards like an axis.
fn write_ring_labels(out: &mut String) {
    let _ = write!(out, r#"<g font-size="10.5" text-anchor="middle"{HALO}>"#);
    for (level, name) in
        [(Level::Top, "Top leadership"), (Level::MiddleRange, "Middle range"), (Level::Grassroots, "Grassroots")]
    {
        let (inner, outer) = ring_bounds(level);
        let point = polar(std::f64::consts::PI, (inner + outer) / 2.0);
        let _ = write!(
            out,
            r#"<text transform="translate({} {}) rotate(-90)" y="3.7">{name}</text>"#,
            Num(point.0),
            Num(point.1)
        );
    }
    out.push_str("</g>");
}

/// Greedy word wrap at `width` characters; a word longer than that gets a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The key below the wheel: sides and decision-makers on the left, ties on the right, and a
/// line on how to read the sectors and rings.
struct Legend<'a> {
    sides: &'a [WheelSide],
}

const LEGEND_TOP: f64 = WHEEL_SIZE - 10.0;
const LEGEND_ROW: f64 = 22.0;
const LEGEND_SYMBOL: f64 = 6.5;
/// Side names longer than this are shortened in the key (the text alternative has them whole).
const LEGEND_NAME_CHARS: usize = 44;

impl<'a> Legend<'a> {
    fn new(sides: &'a [WheelSide]) -> Self {
        Self { sides }
    }

    fn left_rows(&self) -> usize {
        self.sides.len() + 2
    }

    const RIGHT_ROWS: usize = 4;

    fn height(&self) -> f64 {
        let rows = self.left_rows().max(Self::RIGHT_ROWS) as f64;
        (LEGEND_TOP - WHEEL_SIZE) + 26.0 + rows * LEGEND_ROW + 2.0 * 16.0 + 14.0
    }

    fn write(&self, out: &mut String, ids: &Ids) {
        let heading = LEGEND_TOP + 8.0;
        let _ = write!(
            out,
            r##"<path d="M30 {}H770" stroke="#bbb" stroke-width="1"/><text x="30" y="{}" font-size="13" font-weight="bold">Key</text>"##,
            Num(LEGEND_TOP - 8.0),
            Num(heading + 4.0)
        );
        let row_y = |row: usize| heading + 26.0 + row as f64 * LEGEND_ROW;
        let (left_symbol, left_text) = (44.0, 60.0);
        let (right_symbol, right_text) = (425.0, 470.0);

        let _ = write!(out, r#"<g stroke="{MARKER_OUTLINE}" stroke-width="1">"#);
        let mut row = 0;
        let mut entry = |out: &mut String, shape: Shape, colour: &str, ring: bool, text: &str| {
            let y = row_y(row);
            let _ = write!(out, r#"<g transform="translate({} {})">"#, Num(left_symbol), Num(y - 4.0));
            if ring {
                write_decision_maker_ring(out, LEGEND_SYMBOL);
            }
            write_shape(out, shape, LEGEND_SYMBOL, &format!(r#" fill="{colour}""#));
            let _ = write!(out, r#"</g><text x="{}" y="{}" stroke="none">"#, Num(left_text), Num(y));
            escape_into(out, text);
            out.push_str("</text>");
            row += 1;
        };
        for (index, side) in self.sides.iter().enumerate() {
            let (colour, shape) = side_look(Some(index));
            entry(out, shape, colour, false, &shorten(&side.name, LEGEND_NAME_CHARS));
        }
        let (colour, shape) = side_look(None);
        entry(out, shape, colour, false, "Third party (on no side)");
        entry(out, Shape::Circle, "#fff", true, "Track One decision-maker (ringed)");
        out.push_str("</g>");

        let line = |out: &mut String, row: usize, colour: &str, width: f64, arrow: Option<&str>, text: &str| {
            let y = row_y(row) - 4.0;
            let _ = write!(
                out,
                r#"<path d="M{} {}H{}" fill="none" stroke="{colour}" stroke-width="{}""#,
                Num(right_symbol - 15.0),
                Num(y),
                Num(right_symbol + 28.0),
                Num(width)
            );
            if let Some(arrow) = arrow {
                let _ = write!(out, r#" marker-end="url(#{arrow})""#);
            }
            let _ = write!(out, r#"/><text x="{}" y="{}">{text}</text>"#, Num(right_text), Num(row_y(row)));
        };
        line(out, 0, CROSS_LINE_TIE, tie_width(3, true), None, "Tie across the conflict line: dark, heavy");
        line(out, 1, OTHER_TIE, tie_width(3, false), None, "Any other tie: light grey, thinner");
        line(out, 2, OTHER_TIE, tie_width(3, false), Some(&ids.arrow_other), "Directed tie (A advises B): arrow at B");
        // Three strokes stacked, weakest on top: side by side they would look like a dashed line.
        for (step, strength) in [1_u8, 3, 5].into_iter().enumerate() {
            let y = row_y(3) - 10.0 + step as f64 * 6.0;
            let _ = write!(
                out,
                r#"<path d="M{} {}h43" stroke="{CROSS_LINE_TIE}" stroke-width="{}"/>"#,
                Num(right_symbol - 15.0),
                Num(y),
                Num(tie_width(strength, true))
            );
        }
        let _ = write!(
            out,
            r#"<text x="{}" y="{}">Line width: tie strength, 1 to 5</text>"#,
            Num(right_text),
            Num(row_y(3))
        );

        let notes_top = row_y(self.left_rows().max(Self::RIGHT_ROWS)) + 4.0;
        for (index, note) in [
            "Sectors: the nine tracks, clockwise from 1 Government at the top.",
            "Rings, from the hub out: top, middle-range and grassroots leadership.",
        ]
        .iter()
        .enumerate()
        {
            let _ = write!(out, r#"<text x="30" y="{}">{note}</text>"#, Num(notes_top + index as f64 * 16.0));
        }
    }
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(most - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("5 Research, training and education", 17), ["5 Research,", "training and", "education"]);
        assert_eq!(wrap("1 Government", 17), ["1 Government"]);
        assert_eq!(wrap("Extraordinarilylongword x", 5), ["Extraordinarilylongword", "x"]);
    }

    #[test]
    fn long_side_names_are_shortened_in_the_key_only() {
        assert_eq!(shorten("Upper Vale", 44), "Upper Vale");
        assert_eq!(shorten(&"x".repeat(50), 10).chars().count(), 10);
    }

    #[test]
    fn ties_between_far_cells_bow_further_towards_the_hub() {
        let near = curve_control(polar(0.0, 250.0), polar(0.3, 250.0));
        let far = curve_control(polar(0.0, 250.0), polar(3.0, 250.0));
        let from_centre = |p: (f64, f64)| (p.0 - CENTRE.0).hypot(p.1 - CENTRE.1);
        assert!(from_centre(far) < 0.5 * from_centre(near));
    }
}
