//! Lexer: pattern text in, tokens with byte offsets out.

use super::QueryError;

/// A token kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// `?name`
    Var(String),
    /// `"text"`, escapes decoded
    Str(String),
    /// `$name`: a saved query's parameter, bound as a value
    Param(String),
    /// A bare word.
    Ident(String),
    /// A number.
    Number(f64),
    /// Punctuation or operator.
    Punct(&'static str),
}

/// A token and where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

const PUNCT: &[&str] = &[
    "<=", ">=", "!=", ".", ",", "{", "}", "(", ")", "|", "*", "<", ">", "=",
];

/// Splits a pattern into tokens.
pub fn lex(src: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < src.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c == '?' || c == '$' {
            let name: String = src[i + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                let what = if c == '?' {
                    "a variable name after '?'"
                } else {
                    "a parameter name after '$'"
                };
                return Err(QueryError::syntax(src, start, what));
            }
            i += 1 + name.len();
            out.push(Token {
                tok: if c == '?' {
                    Tok::Var(name)
                } else {
                    Tok::Param(name)
                },
                start,
                end: i,
            });
        } else if c == '"' {
            let (text, len) = string(src, i)?;
            i += len;
            out.push(Token {
                tok: Tok::Str(text),
                start,
                end: i,
            });
        } else if c.is_ascii_digit() {
            let len = src[i..]
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '_')))
                .map_or(src.len() - i, |(p, _)| p);
            let raw = src[i..i + len].trim_end_matches('.').replace('_', "");
            let n: f64 = raw
                .parse()
                .map_err(|_| QueryError::syntax(src, start, "a number"))?;
            i += src[i..i + len].trim_end_matches('.').len();
            out.push(Token {
                tok: Tok::Number(n),
                start,
                end: i,
            });
        } else if c.is_alphabetic() || c == '_' {
            let len = src[i..]
                .char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
                .map_or(src.len() - i, |(p, _)| p);
            out.push(Token {
                tok: Tok::Ident(src[i..i + len].to_string()),
                start,
                end: i + len,
            });
            i += len;
        } else if let Some(p) = PUNCT.iter().find(|p| bytes[i..].starts_with(p.as_bytes())) {
            i += p.len();
            out.push(Token {
                tok: Tok::Punct(p),
                start,
                end: i,
            });
        } else {
            return Err(QueryError::syntax(
                src,
                start,
                "a clause, '?var', a \"name\" or a keyword",
            ));
        }
    }
    Ok(out)
}

/// The string starting with the quote at byte `at`: its text, escapes
/// decoded, and its length in bytes with both quotes. The escapes are those
/// the pattern printer writes (Rust's): `\"`, `\\`, `\n`, `\r`, `\t`,
/// `\0`, `\'` and `\u{HEX}`, so every printed pattern parses back.
fn string(src: &str, at: usize) -> Result<(String, usize), QueryError> {
    let mut text = String::new();
    let mut chars = src[at + 1..].char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            '"' => return Ok((text, k + 2)),
            '\\' => {
                let here = at + 1 + k;
                let bad = || QueryError::syntax(src, here, "an escape: \\\" \\\\ \\n \\t \\u{...}");
                let (_, e) = chars.next().ok_or_else(bad)?;
                text.push(match e {
                    '"' => '"',
                    '\\' => '\\',
                    '\'' => '\'',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    '0' => '\0',
                    'u' => {
                        let rest = &src[at + 1 + k + 2..];
                        let hex = rest
                            .strip_prefix('{')
                            .and_then(|r| r.split_once('}'))
                            .map(|(h, _)| h)
                            .ok_or_else(bad)?;
                        let ch = u32::from_str_radix(hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(bad)?;
                        // skip "{HEX}"
                        for _ in 0..hex.len() + 2 {
                            chars.next();
                        }
                        ch
                    }
                    _ => return Err(bad()),
                });
            }
            c => text.push(c),
        }
    }
    Err(QueryError::syntax(src, at, "a closing '\"'"))
}
