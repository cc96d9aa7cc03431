"""Fits the extractive summarizer's sentence scorer: gradient-boosted trees (XGBoost, binary logistic loss) on the
features and greedy-oracle labels that models/tools/train-summarizer.ts writes, and exports every tree as plain
JSON that src/summarize/scorer.ts evaluates. Called by `npm run train:summarize`; not meant to be run by hand.

Usage: train_summarizer.py <work dir>. Reads <work dir>/features.f32 (row-major float32, one row per sentence),
<work dir>/job.json ({"feature_names", "labels", "weights", "groups": [{"name", "rows": [start, end], "train": bool}],
"params"}) and writes <work dir>/<group name>.model.json for every group: a model fitted on the rows of all other
groups marked "train" (a cross-validation fold model), or on all of them for the group named "final"; a group
with nothing to train on gets no model.
"""
import json
import sys

import numpy as np

try:
    import xgboost as xgb
except ImportError:
    sys.exit("train:summarize needs XGBoost for Python 3: apt-get install python3-xgboost (Debian), or pip install xgboost")


def tree_arrays(node, feature_index, arrays):
    """Appends `node` (an XGBoost JSON dump node) and its subtree in pre-order; children always follow parents."""
    at = len(arrays["feature"])
    for key in arrays:
        arrays[key].append(-1 if key in ("feature", "yes", "no") else 0.0)
    if "leaf" in node:
        arrays["leaf"][at] = float(node["leaf"])
        return at
    arrays["feature"][at] = feature_index[node["split"]]
    # XGBoost compares float32 values; the exact float32 threshold, written as a double, keeps that comparison.
    arrays["threshold"][at] = float(np.float32(node["split_condition"]))
    children = {child["nodeid"]: child for child in node["children"]}
    arrays["yes"][at] = tree_arrays(children[node["yes"]], feature_index, arrays)
    arrays["no"][at] = tree_arrays(children[node["no"]], feature_index, arrays)
    return at


def export(booster, names):
    feature_index = {f"f{i}": i for i in range(len(names))}
    trees = []
    for dump in booster.get_dump(dump_format="json"):
        arrays = {"feature": [], "threshold": [], "yes": [], "no": [], "leaf": []}
        tree_arrays(json.loads(dump), feature_index, arrays)
        trees.append(arrays)
    return trees


def main(work):
    job = json.load(open(f"{work}/job.json"))
    names = job["feature_names"]
    x = np.fromfile(f"{work}/features.f32", dtype=np.float32).reshape(-1, len(names))
    labels = np.asarray(job["labels"], dtype=np.float32)
    weights = np.asarray(job["weights"], dtype=np.float32)
    params = dict(job["params"])
    rounds = params.pop("rounds")
    # base_score 0.5 makes the model's bias logit(0.5) = 0: the exported trees alone give the score.
    params.update(objective="binary:logistic", base_score=0.5, nthread=1, tree_method="hist", seed=0)
    groups = job["groups"]
    for target in groups:
        rows = np.zeros(len(x), dtype=bool)
        for group in groups:
            if group["train"] and (target["name"] == "final" or group["name"] != target["name"]):
                rows[group["rows"][0]:group["rows"][1]] = True
        if rows.any() and (target["name"] == "final" or target["train"]):
            data = xgb.DMatrix(x[rows], label=labels[rows], weight=weights[rows], feature_names=None)
            booster = xgb.train(params, data, rounds)
            with open(f"{work}/{target['name']}.model.json", "w") as out:
                json.dump({"bias": 0.0, "trees": export(booster, names)}, out)
            print(f"  fitted {target['name']}: {int(rows.sum())} sentences", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
