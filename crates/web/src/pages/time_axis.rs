//! The horizontal axis of a chart drawn along time. A reader of a right-to-left language reads
//! time from right to left, so for them the axis runs that way: every x laid out left to right is
//! mirrored within the chart's width, and the drawing declares its `direction`, which turns each
//! label's `text-anchor` with it (`end` is the left end of a right-to-left label). Glyphs are
//! never flipped: only positions are, so every label stays readable.

use tracktwo_i18n::Direction;

#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeAxis {
    width: f64,
    direction: Direction,
}

impl TimeAxis {
    /// The axis of a chart `width` user units wide, for a reader of `direction`.
    pub(crate) fn new(width: f64, direction: Direction) -> Self {
        TimeAxis { width, direction }
    }

    /// Where a point laid out left to right is drawn.
    pub(crate) fn x(self, x: f64) -> f64 {
        match self.direction {
            Direction::LeftToRight => x,
            Direction::RightToLeft => self.width - x,
        }
    }

    /// The drawing's `direction` attribute, so that its labels' anchors read with the axis.
    pub(crate) fn direction(self) -> &'static str {
        self.direction.as_html()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_axis_mirrors_positions_within_the_width() {
        let rtl = TimeAxis::new(600.0, Direction::RightToLeft);
        let ltr = TimeAxis::new(600.0, Direction::LeftToRight);
        assert!(rtl.x(100.0) > rtl.x(500.0), "earlier is to the right");
        assert!(ltr.x(100.0) < ltr.x(500.0), "earlier is to the left");
        assert!((rtl.x(0.0) - 600.0).abs() < f64::EPSILON && rtl.x(600.0).abs() < f64::EPSILON);
        assert_eq!((rtl.direction(), ltr.direction()), ("rtl", "ltr"));
    }
}
