#!/usr/bin/env python3
"""Reads a Pol.is export folder with red-dwarf's Pol.is loader, runs red-dwarf's Pol.is pipeline
(PCA and k-means with k chosen by silhouette, as reddwarf.implementations.polis.run_pipeline
does), and prints what it found as JSON, next to what the export's own participants-votes.csv
and summary.csv say.

red-dwarf loads a Pol.is export over HTTP (Loader(directory_url=...)); here its session is
replaced by one that reads the folder, so the same parsing (its pydantic models, which refuse a
comment without an integer author-id) and the same duplicate-vote rule run without a network.

Usage: reddwarf_reads_polis_export.py FOLDER [--seed N]
"""
import argparse
import csv
import json
import os
import sys
import types
import warnings

# One thread for the linear algebra: the tests run next to each other on few cores.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"
# red-dwarf 0.4.0's pydantic models warn about a schema detail on import; harmless.
warnings.filterwarnings("ignore", message=".*'exclude' attribute.*")


class FolderSession:
    """Answers red-dwarf's GET of `<directory_url><file>` with the file from the folder."""

    PREFIX = "folder:"

    def __init__(self, folder):
        self.folder = folder

    def get(self, url):
        name = url[len(self.PREFIX):]
        with open(os.path.join(self.folder, name), encoding="utf-8") as f:
            return types.SimpleNamespace(text=f.read(), status_code=200)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from importlib.metadata import version

    import pandas as pd
    from reddwarf.data_loader import Loader
    from reddwarf.implementations.polis import run_pipeline
    from reddwarf.utils.statements import process_statements
    from sklearn.metrics import adjusted_rand_score

    loader = Loader()  # no source given: it loads nothing by itself
    loader.session = FolderSession(args.folder)
    loader.load_remote_export_data_comments(FolderSession.PREFIX)
    loader.load_remote_export_data_votes(FolderSession.PREFIX)
    loader.filter_duplicate_votes(keep="recent")

    _, _, moderated_out, meta = process_statements(loader.comments_data)
    result = run_pipeline(
        votes=loader.votes_data,
        mod_out_statement_ids=list(moderated_out),
        meta_statement_ids=list(meta),
        random_state=args.seed,
    )
    participants = result.participants_df
    clustered = participants[participants["to_cluster"]]
    reddwarf_groups = {int(pid): int(group) for pid, group in clustered["cluster_id"].items()}

    wide = pd.read_csv(os.path.join(args.folder, "participants-votes.csv"))
    exported_groups = {
        int(pid): int(group) for pid, group in zip(wide["participant"], wide["group-id"]) if not pd.isna(group)
    }
    # participants-votes.csv must hold the votes votes.csv holds, cell for cell.
    latest = {(v["participant_id"], v["statement_id"]): v["vote"] for v in loader.votes_data}
    statement_columns = [c for c in wide.columns if c.lstrip("-").isdigit()]
    wide_cells = {}
    for _, row in wide.iterrows():
        for column in statement_columns:
            if not pd.isna(row[column]):
                wide_cells[(int(row["participant"]), int(column))] = int(row[column])
    count_mismatches = 0
    for _, row in wide.iterrows():
        own = [vote for (pid, _), vote in latest.items() if pid == int(row["participant"])]
        expected = (len(own), sum(1 for v in own if v == 1), sum(1 for v in own if v == -1))
        if (int(row["n-votes"]), int(row["n-agree"]), int(row["n-disagree"])) != expected:
            count_mismatches += 1

    both = sorted(set(reddwarf_groups) & set(exported_groups))
    with open(os.path.join(args.folder, "summary.csv"), encoding="utf-8") as f:
        summary = {row[0]: row[1] for row in csv.reader(f)}

    json.dump(
        {
            "red_dwarf_version": version("red-dwarf"),
            "comments": len(loader.comments_data),
            "authors": sorted({c["participant_id"] for c in loader.comments_data}),
            "votes": len(loader.votes_data),
            "duplicate_votes_dropped": len(loader.skipped_dup_votes),
            "voters": len({v["participant_id"] for v in loader.votes_data}),
            "statements_in_matrix": int(result.raw_vote_matrix.shape[1]),
            "participants_clustered": len(reddwarf_groups),
            "groups": len(set(reddwarf_groups.values())),
            "exported_groups": len(set(exported_groups.values())),
            "exported_grouped": len(exported_groups),
            "participants_votes_rows": int(len(wide)),
            "participants_votes_match_votes": wide_cells == latest,
            "participants_votes_count_mismatches": count_mismatches,
            "grouped_by_both": len(both),
            "adjusted_rand_index": float(
                adjusted_rand_score([exported_groups[p] for p in both], [reddwarf_groups[p] for p in both])
            )
            if both
            else None,
            "summary": summary,
        },
        sys.stdout,
        indent=1,
    )
    print()


if __name__ == "__main__":
    main()
