#!/usr/bin/env python3
"""Interop: the exports of a store, loaded into the real tools, give the same
answers as `newsgraph ask`.

usage: check.py NEWSGRAPH_BIN STORE WORKDIR

- pyoxigraph loads the N-Triples and the Turtle; for every country, a SPARQL
  query through `located_in*` (a property path) returns the investors
  `newsgraph ask "who invested in C"` returns.
- networkx reads the GraphML with the node and edge counts of the store and
  the neighbours the node-link JSON gives, for three entities.
- Kuzu loads nodes.csv / edges.csv with COPY FROM; a Cypher query gives the
  same investors as `ask` for two countries.
Exits non-zero on the first difference, saying what differs.
"""
import json
import subprocess
import sys
from pathlib import Path

NG = "https://newsgraph.dev/ns#"


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fail(msg):
    sys.exit(f"interop: {msg}")


def main(binary, store, work):
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    nt, ttl, gml = work / "g.nt", work / "g.ttl", work / "g.graphml"
    csv_dir = work / "csv"
    for kind, out in [("nt", nt), ("ttl", ttl), ("graphml", gml), ("csv", csv_dir)]:
        run(binary, "export", kind, "--store", store, "-o", str(out))
    graph = json.loads(run(binary, "export", "json", "--store", store))
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    countries = sorted(n["name"] for n in graph["nodes"] if n["type"] == "Country")

    def asked(country):
        out = json.loads(run(binary, "ask", f"who invested in {country}", "--store", store, "--format", "json"))
        return {r["investor"] for r in out["rows"]}

    expected = {c: asked(c) for c in countries}
    if not any(expected.values()):
        fail("no country has an investor: the store is not a useful test")

    # --- pyoxigraph: N-Triples and Turtle, SPARQL with a property path
    import pyoxigraph as ox

    for path, fmt in [(nt, ox.RdfFormat.N_TRIPLES), (ttl, ox.RdfFormat.TURTLE)]:
        st = ox.Store()
        st.load(path=str(path), format=fmt)
        for c in countries:
            q = f"""
            PREFIX ng: <{NG}>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?name WHERE {{
              ?c a ng:Country ; rdfs:label ?cname .
              FILTER(STR(?cname) = {json.dumps(c)})
              ?x ng:invests_in ?p .
              ?p ng:located_in* ?c .
              ?x rdfs:label ?name .
            }}"""
            got = {s["name"].value for s in st.query(q)}
            if got != expected[c]:
                fail(f"{path.name}: who invested in {c}: SPARQL {sorted(got)} != ask {sorted(expected[c])}")
    print(f"pyoxigraph: N-Triples and Turtle agree with ask for {len(countries)} countries")

    # --- networkx: GraphML counts and neighbours
    import networkx as nx

    g = nx.read_graphml(gml)
    if g.number_of_nodes() != len(graph["nodes"]) or g.number_of_edges() != len(graph["links"]):
        fail(f"GraphML has {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
             f"the store {len(graph['nodes'])}, {len(graph['links'])}")
    degree = {}
    for l in graph["links"]:
        degree.setdefault(l["source"], set()).add(l["target"])
    busiest = sorted(degree, key=lambda n: (-len(degree[n]), n))[:3]
    for n in busiest:
        if set(g.successors(n)) != degree[n]:
            fail(f"GraphML neighbours of {names[n]} differ")
        if g.nodes[n]["name"] != names[n]:
            fail(f"GraphML name of {n} differs")
    print(f"networkx: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; neighbours of "
          + ", ".join(names[n] for n in busiest) + " agree")

    # --- Kuzu: COPY FROM the CSVs, Cypher through located_in*
    import kuzu

    db = kuzu.Database(str(work / "kuzu"))
    conn = kuzu.Connection(db)
    conn.execute("CREATE NODE TABLE Entity(id STRING, name STRING, aliases STRING, label STRING, PRIMARY KEY(id))")
    conn.execute("CREATE REL TABLE Fact(FROM Entity TO Entity, type STRING, amount DOUBLE, currency STRING, "
                 "quantity DOUBLE, unit STRING, year INT64, role STRING, evidence INT64)")
    conn.execute(f"COPY Entity FROM '{csv_dir / 'nodes.csv'}' (HEADER=true)")
    conn.execute(f"COPY Fact FROM '{csv_dir / 'edges.csv'}' (HEADER=true)")
    tried = [c for c in countries if expected[c]][:2]
    for c in tried:
        q = ("MATCH (x:Entity)-[f:Fact]->(p:Entity)-[l:Fact*0..10 (r, _ | WHERE r.type = 'located_in')]->"
             "(c:Entity) WHERE f.type = 'invests_in' AND c.name = $c AND c.label = 'Country' "
             "RETURN DISTINCT x.name")
        res = conn.execute(q, {"c": c})
        got = set()
        while res.has_next():
            got.add(res.get_next()[0])
        if got != expected[c]:
            fail(f"Kuzu: who invested in {c}: Cypher {sorted(got)} != ask {sorted(expected[c])}")
    print(f"kuzu: Cypher agrees with ask for {', '.join(tried)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
