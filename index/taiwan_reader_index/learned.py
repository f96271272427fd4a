"""The shipped learned models: logistic regressions whose weights are versioned JSON files
beside the code that computes their features (never a pickle), each trained by a script
in ``benchmarks/`` with a fixed seed."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from operator import mul
from typing import Any


@dataclass(frozen=True)
class LogisticModel:
    """Standardised features, weights and an intercept: p = 1 / (1 + exp(-z))."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    settings: dict[str, float] = field(default_factory=dict)  # thresholds chosen in training
    # the standardisation folded into the weights once: z = bias + sum(weight * value)
    _weights: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _bias: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weights = tuple(c / s for c, s in zip(self.coef, self.scale))
        bias = self.intercept - sum(w * m for w, m in zip(weights, self.mean))
        object.__setattr__(self, "_weights", weights)
        object.__setattr__(self, "_bias", bias)

    def probability(self, values: Sequence[float]) -> float:
        z = self._bias + sum(map(mul, self._weights, values))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def load(package: str, filename: str, names: Sequence[str], trainer: str) -> LogisticModel:
    """The model in ``package``/``filename``; it must have been trained on ``names``."""
    data: dict[str, Any] = json.loads(
        resources.files(package).joinpath(filename).read_text(encoding="utf-8"))
    if tuple(data["features"]) != tuple(names):
        raise RuntimeError(f"{filename} was trained on other features: run {trainer}")
    settings = {k: float(v) for k, v in data.items()
                if isinstance(v, (int, float)) and k not in ("version", "seed", "intercept")}
    return LogisticModel(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]),
                         tuple(data["coef"]), float(data["intercept"]), settings)


def to_json(about: str, names: Sequence[str], scaler: Any, regression: Any, seed: int,
            **settings: float) -> str:
    """A fitted scikit-learn StandardScaler + LogisticRegression as the JSON ``load`` reads."""
    return json.dumps({
        "about": about, "version": 1, "seed": seed, **settings, "features": list(names),
        "mean": [round(float(v), 8) for v in scaler.mean_],
        "scale": [round(float(v), 8) for v in scaler.scale_],
        "coef": [round(float(v), 8) for v in regression.coef_[0]],
        "intercept": round(float(regression.intercept_[0]), 8),
    }, indent=1) + "\n"
