"""Reads tracktwo's map exports with the graph libraries analysts use, and writes maps as those
libraries write them, for crates/tracktwo/tests/it/map_interchange.rs.

    summarise FILE...   prints, as JSON, what each file holds as its reader sees it: GEXF read by
                        networkx.read_gexf; GraphML by networkx.read_graphml and by
                        igraph.Graph.Read_GraphML; actors.csv and ties.csv (a folder) by the csv
                        module, the comparison's independent side.
    rewrite IN OUT      reads IN (GEXF or GraphML) with networkx and writes it back as OUT with
                        networkx's own writer.
    karate DIR          writes Zachary's karate club, as networkx ships it, with labels and an
                        attribute of its own, as DIR/karate.gexf and DIR/karate.graphml.

Every tie is summarised as [from, to, directed, strength, first day, last day (inclusive)], by
code name. A GEXF `mutual` edge comes out of networkx as two edges, one each way, each with
directed = false; the summary folds them back into one tie, so every reader's summary of the
same map is the same list.
"""

import csv
import datetime
import json
import os
import sys

import igraph
import networkx as nx


def day_before(text):
    return (datetime.date.fromisoformat(text) - datetime.timedelta(days=1)).isoformat()


def normalise(tie):
    """An undirected tie's ends in order: it runs neither way."""
    frm, to, directed = tie[0], tie[1], tie[2]
    if not directed and frm > to:
        return [to, frm] + list(tie[2:])
    return list(tie)


def fold(ties, pairs):
    """One entry per tie. With `pairs`, every undirected tie was read as two edges, one each way,
    and must come in twos."""
    ties = sorted(normalise(tie) for tie in ties)
    if not pairs:
        return ties
    kept, undirected = [], {}
    for tie in ties:
        if tie[2]:
            kept.append(tie)
        else:
            undirected[json.dumps(tie)] = undirected.get(json.dumps(tie), 0) + 1
    for text, count in undirected.items():
        assert count % 2 == 0, f"an undirected tie came as {count} edges: {text}"
        kept.extend([json.loads(text)] * (count // 2))
    return sorted(kept)


def boolean(value):
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "yes", "1")


def whole(value):
    number = float(value)
    assert number == int(number), f"weight {value} is not whole"
    return int(number)


def networkx_summary(graph, code_of, gexf):
    actors = sorted(code_of(node, data) for node, data in graph.nodes(data=True))
    tracks = sorted(
        (code_of(node, data), int(data.get("primary track", data.get("primary_track"))))
        for node, data in graph.nodes(data=True)
    )
    ties = []
    for source, target, data in graph.edges(data=True):
        frm, to = code_of(source, graph.nodes[source]), code_of(target, graph.nodes[target])
        if gexf:
            first, last = data.get("start"), data.get("end")
        else:
            first = data.get("valid_from")
            last = day_before(data["valid_until"]) if data.get("valid_until") else None
        ties.append([frm, to, boolean(data["directed"]), whole(data["weight"]), first, last])
    return {
        "directed_graph": graph.is_directed(),
        "edges": graph.number_of_edges(),
        "actors": actors,
        "tracks": tracks,
        "ties": fold(ties, pairs=gexf),
        "graph": {key: value for key, value in graph.graph.items() if key == "track_scheme"},
    }


def by_code(node, data):
    return data.get("code", node)


def summarise_gexf(path):
    return networkx_summary(nx.read_gexf(path), by_code, gexf=True)


def summarise_graphml_networkx(path):
    return networkx_summary(nx.read_graphml(path), by_code, gexf=False)


def summarise_graphml_igraph(path):
    graph = igraph.Graph.Read_GraphML(path)
    codes = graph.vs["code"]
    ties = []
    for edge in graph.es:
        last = day_before(edge["valid_until"]) if edge["valid_until"] else None
        ties.append(
            [
                codes[edge.source],
                codes[edge.target],
                boolean(edge["directed"]),
                whole(edge["weight"]),
                edge["valid_from"] or None,
                last,
            ]
        )
    return {
        "directed_graph": graph.is_directed(),
        "edges": graph.ecount(),
        "actors": sorted(codes),
        "tracks": sorted(zip(codes, (int(t) for t in graph.vs["primary_track"]))),
        "ties": fold(ties, pairs=False),
        "graph": {"track_scheme": graph["track_scheme"]},
    }


def summarise_csv(folder):
    def rows(name):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as file:
            return list(csv.DictReader(file))

    actors = rows("actors.csv")
    ties = []
    for row in rows("ties.csv"):
        last = day_before(row["valid_until"]) if row["valid_until"] else None
        ties.append(
            [row["from"], row["to"], row["directed"] == "yes", int(row["strength"]), row["valid_from"] or None, last]
        )
    return {
        "actors": sorted(row["code"] for row in actors),
        "tracks": sorted((row["code"], int(row["primary_track"])) for row in actors),
        "ties": fold(ties, pairs=False),
    }


def summarise(paths):
    out = {}
    for path in paths:
        if os.path.isdir(path):
            out[path] = {"csv": summarise_csv(path)}
        elif path.endswith(".gexf"):
            out[path] = {"networkx": summarise_gexf(path)}
        else:
            out[path] = {"networkx": summarise_graphml_networkx(path), "igraph": summarise_graphml_igraph(path)}
    print(json.dumps(out, sort_keys=True))


def rewrite(source, target):
    if source.endswith(".gexf"):
        nx.write_gexf(nx.read_gexf(source), target)
    else:
        nx.write_graphml(nx.read_graphml(source), target)


def karate(folder):
    graph = nx.karate_club_graph()
    for node, data in graph.nodes(data=True):
        data["label"] = f"Member {node}"
        # A sector of the club's own, in the five-track list's numbers; some members have none.
        if node % 3 == 0:
            data["Sector"] = 3
        elif node % 3 == 1:
            data["Sector"] = 5
    for source, target, data in graph.edges(data=True):
        data["weight"] = min(int(data.get("weight", 1)), 5)
    nx.write_gexf(graph, os.path.join(folder, "karate.gexf"))
    nx.write_graphml(graph, os.path.join(folder, "karate.graphml"))
    print(json.dumps({"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}))


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {"summarise": lambda: summarise(arguments), "rewrite": lambda: rewrite(*arguments), "karate": lambda: karate(*arguments)}[
        command
    ]()
