//! Which alternative each copy shows at each site, under the code scheme the readout's copies
//! were issued with ([`CodeScheme`]).

mod separated;
mod simplex;

use crate::sites::Site;
use crate::{CodeScheme, CopyId, Fingerprinting, ReadoutText};

use self::separated::SeparatedCode;
use self::simplex::SimplexCode;

/// Every copy's choice at every site of one readout, under its key and code scheme.
pub(crate) struct Chooser {
    code: Code,
    /// Per site: its number of alternatives and the alternative the original shows, if one does.
    sites: Vec<(usize, Option<usize>)>,
}

enum Code {
    Simplex(SimplexCode),
    Separated(SeparatedCode),
}

impl Chooser {
    pub fn new(text: &ReadoutText, how: &Fingerprinting, sites: &[Site]) -> Self {
        let originals: Vec<Option<usize>> = sites.iter().map(|site| site.original_choice(text)).collect();
        let code = match how.scheme {
            CodeScheme::Simplex => Code::Simplex(SimplexCode::new(&how.key)),
            CodeScheme::Separated | CodeScheme::SeparatedMoreSites | CodeScheme::SeparatedFurtherSites => {
                Code::Separated(SeparatedCode::new(&how.key, sites, &originals))
            }
        };
        Chooser { code, sites: sites.iter().map(Site::arity).zip(originals).collect() }
    }

    /// The alternative (`0..arity`) that `copy` shows at site `site`.
    pub fn choice(&self, copy: CopyId, site: usize) -> usize {
        let (arity, original) = self.sites[site];
        match &self.code {
            Code::Simplex(code) => code.choice(copy, site, arity, original),
            Code::Separated(code) => code.choice(copy, site),
        }
    }
}
