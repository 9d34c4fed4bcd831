//! The horizontal axis of a chart drawn along time. A reader of a right-to-left language reads
//! time from right to left, so for them the axis runs that way: every x laid out left to right is
//! mirrored within the chart's width, and the drawing declares its `direction`, which turns each
//! label's `text-anchor` with it (`end` is the left end of a right-to-left label). Glyphs are
//! never flipped: only positions are, so every label stays readable.
//!
//! A drawing set in a document is read by a renderer (usvg, under typst) that anchors text
//! physically, whatever the `direction`: for it the axis declares itself left to right and turns
//! the anchors itself ([`TimeAxis::for_document`], [`TimeAxis::anchor_end`]), which reads the
//! same in a browser.

use tracktwo_i18n::Direction;

#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeAxis {
    width: f64,
    direction: Direction,
    /// Anchors are turned here rather than by the drawing's `direction`.
    physical_anchors: bool,
}

impl TimeAxis {
    /// The axis of a chart `width` user units wide, for a reader of `direction`.
    pub(crate) fn new(width: f64, direction: Direction) -> Self {
        TimeAxis { width, direction, physical_anchors: false }
    }

    /// The same axis for a drawing set in a document: positions mirrored alike, anchors turned
    /// here (see the module's comment).
    pub(crate) fn for_document(self) -> Self {
        TimeAxis { physical_anchors: true, ..self }
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
        if self.physical_anchors { Direction::LeftToRight.as_html() } else { self.direction.as_html() }
    }

    /// The `text-anchor` that puts a label's reading end at its x (left of it in a
    /// right-to-left drawing).
    pub(crate) fn anchor_end(self) -> &'static str {
        if self.physical_anchors && self.direction == Direction::RightToLeft { "start" } else { "end" }
    }

    /// The `text-anchor` that puts a label's reading start at its x.
    pub(crate) fn anchor_start(self) -> &'static str {
        if self.physical_anchors && self.direction == Direction::RightToLeft { "end" } else { "start" }
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
        assert_eq!((rtl.anchor_end(), rtl.anchor_start()), ("end", "start"), "the direction turns them");
    }

    #[test]
    fn a_documents_axis_turns_its_anchors_itself() {
        let rtl = TimeAxis::new(600.0, Direction::RightToLeft).for_document();
        let ltr = TimeAxis::new(600.0, Direction::LeftToRight).for_document();
        assert!(rtl.x(100.0) > rtl.x(500.0), "earlier is to the right still");
        assert_eq!((rtl.direction(), rtl.anchor_end(), rtl.anchor_start()), ("ltr", "start", "end"));
        assert_eq!((ltr.direction(), ltr.anchor_end(), ltr.anchor_start()), ("ltr", "end", "start"));
    }
}
