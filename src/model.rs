//! The fact vocabulary shared by every stage: entity types, predicates,
//! values, and the per-document interchange shape of `SCHEMA.md`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Companies, groups, funds, agencies, ministries, international bodies.
    Organization,
    /// A named human.
    Person,
    /// A sovereign state.
    Country,
    /// Any other place: city, province, region, macro-region.
    Place,
    /// A facility, programme or deal that facts hang on.
    Project,
}

impl EntityType {
    /// Every type, in a fixed order.
    pub const ALL: [EntityType; 5] = [
        EntityType::Organization,
        EntityType::Person,
        EntityType::Country,
        EntityType::Place,
        EntityType::Project,
    ];

    /// The type's name as SCHEMA.md writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Organization => "Organization",
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::Place => "Place",
            EntityType::Project => "Project",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or(())
    }
}

/// A relation between two entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    /// Commits capital to, funds, or builds on its own account.
    InvestsIn,
    /// Where a project or place is.
    LocatedIn,
    /// Sells or delivers goods.
    Supplies,
    /// Agreement, MoU, consortium, joint venture (symmetric).
    PartnersWith,
    /// Head role.
    Leads,
    /// Any other role.
    AffiliatedWith,
    /// Organisation belongs to another.
    SubsidiaryOf,
    /// Nationality or seat.
    HeadquarteredIn,
    /// Runs a facility.
    Operates,
}

impl Predicate {
    /// Every predicate, in a fixed order.
    pub const ALL: [Predicate; 9] = [
        Predicate::InvestsIn,
        Predicate::LocatedIn,
        Predicate::Supplies,
        Predicate::PartnersWith,
        Predicate::Leads,
        Predicate::AffiliatedWith,
        Predicate::SubsidiaryOf,
        Predicate::HeadquarteredIn,
        Predicate::Operates,
    ];

    /// Whether SCHEMA.md's predicate table lets a fact of this predicate
    /// link a subject of type `s` to an object of type `o`. Places, and the
    /// objects of money and goods, are left open: regions chain countries,
    /// and a region is where goods or money may go.
    pub fn admits(self, s: EntityType, o: EntityType) -> bool {
        use EntityType::*;
        let party = |t| matches!(t, Organization | Country);
        match self {
            Predicate::PartnersWith => party(s) && party(o),
            Predicate::Leads | Predicate::AffiliatedWith => s == Person && party(o),
            Predicate::SubsidiaryOf => s == Organization && o == Organization,
            Predicate::HeadquarteredIn => s == Organization && matches!(o, Country | Place),
            Predicate::InvestsIn => matches!(s, Organization | Person | Country),
            Predicate::Supplies | Predicate::Operates => s == Organization,
            Predicate::LocatedIn => true,
        }
    }

    /// The predicate's name as SCHEMA.md writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::InvestsIn => "invests_in",
            Predicate::LocatedIn => "located_in",
            Predicate::Supplies => "supplies",
            Predicate::PartnersWith => "partners_with",
            Predicate::Leads => "leads",
            Predicate::AffiliatedWith => "affiliated_with",
            Predicate::SubsidiaryOf => "subsidiary_of",
            Predicate::HeadquarteredIn => "headquartered_in",
            Predicate::Operates => "operates",
        }
    }

    /// Whether `a p b` says the same as `b p a`.
    pub fn is_symmetric(self) -> bool {
        self == Predicate::PartnersWith
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Predicate {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Predicate::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or(())
    }
}

/// A sum of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The value in units of the currency.
    pub value: f64,
    /// ISO 4217 code.
    pub currency: String,
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", human_number(self.value), self.currency)
    }
}

/// A counted quantity (GPUs, MW).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The count.
    pub value: f64,
    /// The unit ("GPU", "MW").
    pub unit: String,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", human_number(self.value), self.unit)
    }
}

/// Writes large numbers with a scale word: 5e9 -> "5 bn".
pub fn human_number(v: f64) -> String {
    let (scaled, word) = if v.abs() >= 1e12 {
        (v / 1e12, " tn")
    } else if v.abs() >= 1e9 {
        (v / 1e9, " bn")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " m")
    } else {
        (v, "")
    };
    // hundredths as an integer: a large answer writes tens of thousands of
    // these, and exact float formatting was a tenth of its time
    let hundredths = (scaled * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() >= 1e15 {
        let s = format!("{scaled:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        return format!("{s}{word}");
    }
    let h = hundredths as i64;
    let sign = if h < 0 { "-" } else { "" };
    let (whole, frac) = (h.abs() / 100, h.abs() % 100);
    match frac {
        0 => format!("{sign}{whole}{word}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}{word}", f / 10),
        f => format!("{sign}{whole}.{f:02}{word}"),
    }
}

/// Where a fact was read: a byte span of the article and its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Start byte in the article's UTF-8 text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The sentence itself.
    pub text: String,
}

/// An entity as one document names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other names used for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// One fact of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Triple {
    /// Subject entity name.
    pub s: String,
    /// Predicate.
    pub p: Predicate,
    /// Object entity name.
    pub o: String,
    /// Money committed, for `invests_in`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Goods or capacity, for `supplies` and projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Horizon or date year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Role, for `affiliated_with`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The sentence the fact was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The extraction rule that produced the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The rule's confidence, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl Triple {
    /// The fact `s p o`, with no values, evidence or rule.
    pub fn new(s: impl Into<String>, p: Predicate, o: impl Into<String>) -> Triple {
        Triple {
            s: s.into(),
            p,
            o: o.into(),
            amount: None,
            quantity: None,
            year: None,
            role: None,
            evidence: None,
            rule: None,
            confidence: None,
        }
    }
}

/// Language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

/// All facts of one article: one line of the JSON Lines interchange format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input file's name.
    pub doc: String,
    /// Detected language.
    pub lang: Lang,
    /// Entities named in the article.
    pub entities: Vec<Entity>,
    /// Facts read from it.
    pub triples: Vec<Triple>,
}

#[cfg(test)]
mod tests {
    use super::{human_number, EntityType, Predicate};

    #[test]
    fn predicates_link_the_types_schema_names() {
        use EntityType::*;
        let p = Predicate::PartnersWith;
        assert!(p.admits(Organization, Country) && p.admits(Country, Organization));
        assert!(!p.admits(Place, Organization) && !p.admits(Organization, Project));
        assert!(Predicate::Leads.admits(Person, Organization));
        assert!(!Predicate::Leads.admits(Organization, Organization));
        assert!(Predicate::HeadquarteredIn.admits(Organization, Place));
        assert!(!Predicate::HeadquarteredIn.admits(Project, Country));
        assert!(!Predicate::InvestsIn.admits(Place, Country));
        assert!(Predicate::LocatedIn.admits(Country, Place));
    }

    #[test]
    fn numbers_read_with_a_scale_word_and_at_most_two_decimals() {
        for (v, shown) in [
            (5e9, "5 bn"),
            (2.55e9, "2.55 bn"),
            (1.5e6, "1.5 m"),
            (140e6, "140 m"),
            (-3.25e12, "-3.25 tn"),
            (0.0, "0"),
            (12.3, "12.3"),
            (999.999, "1000"),
            (1.005e9, "1 bn"),
            (7.07e6, "7.07 m"),
        ] {
            assert_eq!(human_number(v), shown, "{v}");
        }
        // what exact formatting writes, away from halfway cases
        for i in 0..5000 {
            let v = f64::from(i) * 1_234.567_891;
            let s = format!("{:.2}", v / 1e6);
            let old = format!("{} m", s.trim_end_matches('0').trim_end_matches('.'));
            if (1e6..1e9).contains(&v) {
                assert_eq!(human_number(v), old, "{v}");
            }
        }
        assert_eq!(human_number(f64::INFINITY), "inf tn");
    }
}
