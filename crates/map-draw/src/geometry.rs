//! Where things go on the wheel. Angles are in radians, measured clockwise from twelve o'clock
//! (so track 1 sits at the top and the tracks run clockwise, as in Diamond and McDonald's
//! drawing); points are in the SVG's user units, y growing downwards.

use std::f64::consts::{PI, TAU};

use tracktwo_domain::map::{Level, Track};

/// Width of the wheel's square (the legend is drawn below it).
pub const WHEEL_SIZE: f64 = 800.0;
/// The hub of the wheel.
pub const CENTRE: (f64, f64) = (400.0, 400.0);
/// The empty hub: the tracks meet here, and no actor stands on it.
pub const HUB_RADIUS: f64 = 30.0;
/// The rim of the wheel; track labels stand outside it.
pub const RIM_RADIUS: f64 = 300.0;

/// Half a sector: the nine tracks share the circle equally.
const HALF_SECTOR: f64 = PI / 9.0;
/// The largest and smallest marker (its radius); a crowded cell shrinks its markers down to
/// the smallest before it lets them overlap.
const LARGEST_MARKER: f64 = 8.0;
const SMALLEST_MARKER: f64 = 2.5;
const MARKER_STEP: f64 = 0.5;
/// Clear space between the markers' outer edges (rings included) of two neighbours.
const NEIGHBOUR_GAP: f64 = 1.5;
/// The rings' edges, hub to rim. Top leadership gets the widest band: its arcs are the
/// shortest, and Track One's top cell is where the decision-makers crowd.
const RING_EDGES: [f64; 4] = [HUB_RADIUS, 140.0, 225.0, RIM_RADIUS];
/// How far apart a sparse row spreads its markers, in spacings: a few actors in a cell use the
/// cell rather than huddle in its middle, but not so far that the row looks torn.
const SPARSE_SPREAD: f64 = 2.6;

/// The angles (start, end) of a track's sector, clockwise from twelve o'clock; track 1's
/// sector is centred on twelve o'clock, so it starts at a negative angle.
#[must_use]
pub fn sector_bounds(track: Track) -> (f64, f64) {
    let centre = sector_centre(track);
    (centre - HALF_SECTOR, centre + HALF_SECTOR)
}

/// The angle of the middle of a track's sector.
#[must_use]
pub fn sector_centre(track: Track) -> f64 {
    f64::from(track.number() - 1) * 2.0 * HALF_SECTOR
}

/// The radii (inner, outer) of a level's ring: top leadership nearest the hub, the grassroots
/// at the rim, as Lederach's pyramid seen from above.
#[must_use]
pub fn ring_bounds(level: Level) -> (f64, f64) {
    let index = match level {
        Level::Top => 0,
        Level::MiddleRange => 1,
        Level::Grassroots => 2,
    };
    (RING_EDGES[index], RING_EDGES[index + 1])
}

/// The point at `radius` from the centre along `angle` (clockwise from twelve o'clock).
#[must_use]
pub fn polar(angle: f64, radius: f64) -> (f64, f64) {
    (CENTRE.0 + radius * angle.sin(), CENTRE.1 - radius * angle.cos())
}

/// A point's angle, clockwise from twelve o'clock, in `[0, 2π)`, and its distance from the
/// centre: the inverse of [`polar`].
#[must_use]
pub fn to_polar(point: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (point.0 - CENTRE.0, CENTRE.1 - point.1);
    (dx.atan2(dy).rem_euclid(TAU), dx.hypot(dy))
}

/// Where the marker in `slot` (0-based) of `slots` sits in the cell of `track` and `level`.
/// Slots fill the cell's arcs from the innermost outwards; out-of-range slots are clamped, so
/// this never panics.
#[must_use]
pub fn position(track: Track, level: Level, slot: usize, slots: usize) -> (f64, f64) {
    CellLayout::new(level, slots).place(track, slot)
}

/// The radius of each marker in a cell of `slots` actors at `level`: the same for every marker
/// of the cell.
#[must_use]
pub fn marker_radius(level: Level, slots: usize) -> f64 {
    CellLayout::new(level, slots).marker_radius
}

/// How one cell (a track and a level) lays out its markers: a few concentric arcs ("rows")
/// inside the ring, each holding some of the markers spread evenly across the sector.
#[derive(Debug, Clone)]
pub(crate) struct CellLayout {
    pub(crate) marker_radius: f64,
    /// (radius, markers on it), innermost first.
    rows: Vec<(f64, usize)>,
}

impl CellLayout {
    /// The largest markers, on the fewest rows, that hold `slots` markers without overlap: rows
    /// centred in the ring if they hold them, else pushed towards the rim. At the smallest size
    /// on every row that fits, markers crowd together but stay in the cell.
    pub(crate) fn new(level: Level, slots: usize) -> Self {
        let slots = slots.max(1);
        let (inner, outer) = ring_bounds(level);
        let mut marker_radius = LARGEST_MARKER;
        loop {
            let spacing = spacing(marker_radius);
            let most_rows = most_rows(inner, outer, marker_radius);
            let centred = (1..=most_rows).map(|rows| row_radii(inner, outer, rows, spacing));
            let rim_ward = (1..=most_rows).map(|rows| rim_ward_row_radii(outer, marker_radius, rows, spacing));
            for radii in centred.chain(rim_ward) {
                let capacity: usize = radii.iter().map(|&r| row_capacity(r, marker_radius)).sum();
                if capacity >= slots {
                    return Self { marker_radius, rows: fill_rows(&radii, marker_radius, slots) };
                }
            }
            if marker_radius <= SMALLEST_MARKER {
                let radii = rim_ward_row_radii(outer, marker_radius, most_rows, spacing);
                return Self { marker_radius, rows: fill_rows(&radii, marker_radius, slots) };
            }
            marker_radius -= MARKER_STEP;
        }
    }

    pub(crate) fn place(&self, track: Track, slot: usize) -> (f64, f64) {
        let total: usize = self.rows.iter().map(|&(_, count)| count).sum();
        let mut slot = slot.min(total.saturating_sub(1));
        for &(radius, count) in &self.rows {
            if slot < count {
                let angle = sector_centre(track) + row_offset(radius, self.marker_radius, slot, count);
                return polar(angle, radius);
            }
            slot -= count;
        }
        // Unreachable while `new` gives every layout at least one marker; stay in the cell anyway.
        polar(sector_centre(track), (ring_bounds(Level::Top).0 + ring_bounds(Level::Top).1) / 2.0)
    }
}

/// The room a decision-maker's outer ring adds around its marker: enough to read as a second
/// outline at every size, but shrinking with the marker so a crowded cell still fits.
pub(crate) fn ring_gap(marker_radius: f64) -> f64 {
    (0.45 * marker_radius).max(2.2)
}

/// How far a marker reaches from its centre if it is ringed. Every layout leaves room for the
/// ring, so a decision-maker never collides with a neighbour.
pub(crate) fn reach(marker_radius: f64) -> f64 {
    marker_radius + ring_gap(marker_radius)
}

/// Clear space between a marker's reach and a sector's boundary, so the sectors read as groups
/// and the ring labels on the spoke at six o'clock stay clear.
fn boundary_clearance(marker_radius: f64) -> f64 {
    3.0 + marker_radius / 4.0
}

/// Centre-to-centre distance between neighbours.
fn spacing(marker_radius: f64) -> f64 {
    2.0 * reach(marker_radius) + NEIGHBOUR_GAP
}

/// The clearance a marker's centre keeps from the ring's edges.
fn edge_clearance(marker_radius: f64) -> f64 {
    reach(marker_radius) + 1.0
}

fn most_rows(inner: f64, outer: f64, marker_radius: f64) -> usize {
    let usable = outer - inner - 2.0 * edge_clearance(marker_radius);
    if usable <= 0.0 {
        return 1;
    }
    // Truncation is the point: only whole rows fit.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = (usable / spacing(marker_radius)).floor() as usize + 1;
    rows
}

/// Rows centred on the ring's middle, one spacing apart.
fn row_radii(inner: f64, outer: f64, row_count: usize, spacing: f64) -> Vec<f64> {
    let middle = (inner + outer) / 2.0;
    let half = (row_count as f64 - 1.0) / 2.0;
    (0..row_count).map(|row| middle + (row as f64 - half) * spacing).collect()
}

/// Rows packed against the ring's outer edge, one spacing apart: outer arcs are longer, so a
/// crowded cell (above all at the narrow top-leadership ring) holds more there than centred.
fn rim_ward_row_radii(outer: f64, marker_radius: f64, row_count: usize, spacing: f64) -> Vec<f64> {
    let outermost = outer - edge_clearance(marker_radius);
    (0..row_count).rev().map(|row| outermost - row as f64 * spacing).collect()
}

/// The half-angle of a row a marker's centre may use, keeping its edge clear of the sector's
/// boundaries. Never negative: a row too short for any spread still holds one marker at the
/// sector's centre line.
fn usable_half_angle(radius: f64, marker_radius: f64) -> f64 {
    (HALF_SECTOR - (reach(marker_radius) + boundary_clearance(marker_radius)) / radius).max(0.0)
}

fn row_capacity(radius: f64, marker_radius: f64) -> usize {
    let arc = 2.0 * usable_half_angle(radius, marker_radius) * radius;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let fits = (arc / spacing(marker_radius)).floor() as usize + 1;
    fits
}

/// Shares `slots` out over the rows in proportion to what each holds (outer rows are longer),
/// inner rows first on a tie; past capacity the shares keep the same proportions.
fn fill_rows(radii: &[f64], marker_radius: f64, slots: usize) -> Vec<(f64, usize)> {
    let capacities: Vec<usize> = radii.iter().map(|&r| row_capacity(r, marker_radius)).collect();
    let mut counts = vec![0_usize; radii.len()];
    for _ in 0..slots {
        let mut best = 0;
        for row in 1..radii.len() {
            // (count + 1) / capacity, compared without division.
            if (counts[row] + 1) * capacities[best] < (counts[best] + 1) * capacities[row] {
                best = row;
            }
        }
        counts[best] += 1;
    }
    radii.iter().copied().zip(counts).filter(|&(_, count)| count > 0).collect()
}

/// The angle of the `index`-th of `count` markers on a row, from the sector's centre line.
fn row_offset(radius: f64, marker_radius: f64, index: usize, count: usize) -> f64 {
    if count <= 1 {
        return 0.0;
    }
    let half = usable_half_angle(radius, marker_radius);
    let gaps = count as f64 - 1.0;
    let step = (2.0 * half / gaps).min(SPARSE_SPREAD * spacing(marker_radius) / radius);
    (index as f64 - gaps / 2.0) * step
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `angle` lies within the sector, allowing for track 1's sector straddling zero.
    fn in_sector(track: Track, angle: f64) -> bool {
        let (start, end) = sector_bounds(track);
        let from_centre = (angle - sector_centre(track) + PI).rem_euclid(TAU) - PI;
        from_centre.abs() < (end - start) / 2.0
    }

    #[test]
    fn sectors_tile_the_circle_clockwise_from_government_at_the_top() {
        let (start, end) = sector_bounds(Track::Government);
        assert!((start + PI / 9.0).abs() < 1e-12 && (end - PI / 9.0).abs() < 1e-12);
        for pair in Track::ALL.windows(2) {
            assert!((sector_bounds(pair[0]).1 - sector_bounds(pair[1]).0).abs() < 1e-12);
        }
        let top = polar(sector_centre(Track::Government), 100.0);
        assert!((top.0 - CENTRE.0).abs() < 1e-9 && top.1 < CENTRE.1, "track 1 is straight up");
        let right = polar(sector_centre(Track::Business), 100.0);
        assert!(right.0 > CENTRE.0 + 90.0, "track 3 is to the right: the tracks run clockwise");
    }

    #[test]
    fn rings_run_from_top_leadership_at_the_hub_to_the_grassroots_at_the_rim() {
        assert_eq!(ring_bounds(Level::Top).0, HUB_RADIUS);
        assert_eq!(ring_bounds(Level::Top).1, ring_bounds(Level::MiddleRange).0);
        assert_eq!(ring_bounds(Level::MiddleRange).1, ring_bounds(Level::Grassroots).0);
        assert_eq!(ring_bounds(Level::Grassroots).1, RIM_RADIUS);
    }

    #[test]
    fn polar_and_to_polar_are_inverses() {
        for track in Track::ALL {
            let angle = sector_centre(track) + 0.1;
            let (back, radius) = to_polar(polar(angle, 123.0));
            assert!((back - angle.rem_euclid(TAU)).abs() < 1e-9 && (radius - 123.0).abs() < 1e-9);
        }
    }

    /// Every marker, its decision-maker ring included, lies in its sector and its ring, and no
    /// two overlap while the cell has room.
    fn check_cell(track: Track, level: Level, slots: usize) {
        let layout = CellLayout::new(level, slots);
        let reach = reach(layout.marker_radius);
        let (inner, outer) = ring_bounds(level);
        let points: Vec<_> = (0..slots).map(|slot| position(track, level, slot, slots)).collect();
        for &point in &points {
            let (angle, radius) = to_polar(point);
            assert!(in_sector(track, angle), "{track:?} {level:?} {slots}: angle {angle} outside the sector");
            assert!(
                radius - reach >= inner && radius + reach <= outer,
                "{track:?} {level:?} {slots}: radius {radius} ± {reach} outside the ring {inner}..{outer}"
            );
            // The marker's whole width clears the boundaries, not just its centre.
            let (start, end) = sector_bounds(track);
            for boundary in [start, end] {
                let across = (angle - boundary).sin().abs() * radius;
                assert!(across >= reach, "{track:?} {level:?} {slots}: marker crosses a sector boundary");
            }
        }
        if slots <= 40 {
            for (i, a) in points.iter().enumerate() {
                for b in &points[i + 1..] {
                    let apart = (a.0 - b.0).hypot(a.1 - b.1);
                    assert!(apart >= 2.0 * reach, "{track:?} {level:?} {slots}: markers overlap ({apart})");
                }
            }
        }
    }

    #[test]
    fn markers_stay_in_their_cell_and_apart_however_many_share_it() {
        for track in Track::ALL {
            for &level in Level::ALL {
                for slots in [1, 2, 3, 5, 8, 13, 21, 40] {
                    check_cell(track, level, slots);
                }
            }
        }
    }

    #[test]
    fn forty_top_leaders_in_one_cell_fit_on_several_smaller_rows() {
        let one = CellLayout::new(Level::Top, 1);
        let forty = CellLayout::new(Level::Top, 40);
        assert!(forty.marker_radius < one.marker_radius, "a crowded cell shrinks its markers");
        assert!(forty.rows.len() > 1, "and adds rows");
        check_cell(Track::Government, Level::Top, 40);
    }

    #[test]
    fn an_overfull_cell_still_keeps_its_markers_inside() {
        for slots in [200, 1000] {
            check_cell(Track::Religion, Level::Top, slots);
        }
    }

    #[test]
    fn out_of_range_slots_are_clamped_not_a_panic() {
        assert_eq!(position(Track::Media, Level::Grassroots, 9, 3), position(Track::Media, Level::Grassroots, 2, 3));
        let _ = position(Track::Media, Level::Grassroots, 0, 0);
    }
}
