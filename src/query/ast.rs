//! The query AST shared by patterns and natural-language questions. It prints
//! back to pattern syntax (`Display`), which parses to the same AST.

use std::fmt;

use crate::model::{EntityType, Predicate};

/// A node position in a clause: a variable or a named entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// `?name`
    Var(String),
    /// An entity by name or alias.
    Entity(String),
}

/// One predicate step of a path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The predicate.
    pub predicate: Predicate,
    /// `p*`: zero or more hops.
    pub closure: bool,
}

/// An attribute of a fact that a clause can bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    /// Amount value.
    Amount,
    /// Amount currency.
    Currency,
    /// Year.
    Year,
    /// Role.
    Role,
    /// Quantity value.
    Quantity,
}

impl Attr {
    /// Every attribute.
    pub const ALL: [Attr; 5] = [
        Attr::Amount,
        Attr::Currency,
        Attr::Year,
        Attr::Role,
        Attr::Quantity,
    ];

    /// Its keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Attr::Amount => "amount",
            Attr::Currency => "currency",
            Attr::Year => "year",
            Attr::Role => "role",
            Attr::Quantity => "quantity",
        }
    }
}

/// One clause of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// `s p1|p2* {attr ?v} o`
    Path {
        /// Subject.
        s: Term,
        /// Alternative steps.
        steps: Vec<Step>,
        /// Fact attributes bound to variables.
        attrs: Vec<(Attr, String)>,
        /// Object.
        o: Term,
    },
    /// `?x is Organization`
    Type(String, EntityType),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// A literal in a filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A number.
    Number(f64),
    /// A string (compared folded).
    Text(String),
}

/// `where ?v op literal`
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// The variable.
    pub var: String,
    /// The operator.
    pub op: Op,
    /// The literal.
    pub value: Literal,
}

/// A selected column.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A variable's value.
    Var(String),
    /// `count(?v)`: distinct values per group.
    Count(String),
    /// `sum(?v)`: sum of the numbers per group.
    Sum(String),
}

/// A whole query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Clauses, joined.
    pub clauses: Vec<Clause>,
    /// Filters, all must hold.
    pub filters: Vec<Filter>,
    /// Selected columns; empty selects every variable.
    pub select: Vec<Item>,
    /// Drop duplicate rows.
    pub distinct: bool,
    /// Sort key and whether descending.
    pub order: Option<(Item, bool)>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Var(v) => write!(f, "?{v}"),
            Term::Entity(e) => write!(f, "{e:?}"),
        }
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Var(v) => write!(f, "?{v}"),
            Item::Count(v) => write!(f, "count(?{v})"),
            Item::Sum(v) => write!(f, "sum(?{v})"),
        }
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Clause::Path { s, steps, attrs, o } => {
                let path: Vec<String> = steps
                    .iter()
                    .map(|st| format!("{}{}", st.predicate, if st.closure { "*" } else { "" }))
                    .collect();
                write!(f, "{s} {}", path.join("|"))?;
                if !attrs.is_empty() {
                    let a: Vec<String> = attrs
                        .iter()
                        .map(|(a, v)| format!("{} ?{v}", a.as_str()))
                        .collect();
                    write!(f, " {{{}}}", a.join(", "))?;
                }
                write!(f, " {o}")
            }
            Clause::Type(v, t) => write!(f, "?{v} is {t}"),
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" . ")?;
            }
            write!(f, "{c}")?;
        }
        for (i, flt) in self.filters.iter().enumerate() {
            f.write_str(if i == 0 { " where " } else { " and " })?;
            let lit = match &flt.value {
                Literal::Number(n) => format!("{n}"),
                Literal::Text(t) => format!("{t:?}"),
            };
            write!(f, "?{} {} {lit}", flt.var, flt.op.as_str())?;
        }
        if !self.select.is_empty() {
            f.write_str(" select ")?;
            if self.distinct {
                f.write_str("distinct ")?;
            }
            let items: Vec<String> = self.select.iter().map(ToString::to_string).collect();
            f.write_str(&items.join(", "))?;
        }
        if let Some((item, desc)) = &self.order {
            write!(f, " order by {item}{}", if *desc { " desc" } else { "" })?;
        }
        if let Some(n) = self.limit {
            write!(f, " limit {n}")?;
        }
        Ok(())
    }
}
