"""Labelled simulation results: indicator x year x run, in display units (per cent for shares)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .quantities import Spec
from .untrusted import save_csv


def quantile_name(q: float) -> str:
    """The column name of quantile ``q`` in every table of quantiles: 0.05 -> "q05"."""
    return f"q{round(q * 100):02d}"


@dataclass(frozen=True)
class Results:
    """``values[indicator, year, run]`` with the labels to read it by name.

    ``inputs`` holds the lever and parameter values each run used (display units), so that
    an ensemble can be analysed against its inputs (sensitivity) and rerun exactly.
    """

    values: np.ndarray
    indicators: tuple[str, ...]
    years: np.ndarray
    specs: dict[str, Spec]
    inputs: dict[str, np.ndarray]

    @property
    def n_runs(self) -> int:
        return self.values.shape[2]

    def runs(self, which: slice) -> Results:
        """These runs alone (a slice of run numbers), their values and inputs copied."""
        return Results(self.values[:, :, which].copy(), self.indicators, self.years,
                       self.specs, {k: np.asarray(v)[which].copy() if np.ndim(v) else v
                                    for k, v in self.inputs.items()})

    def _index(self, indicator: str) -> int:
        try:
            return self.indicators.index(indicator)
        except ValueError:
            raise KeyError(f"no indicator {indicator!r}; known: {', '.join(self.indicators)}") \
                from None

    def _year_index(self, year: int) -> int:
        position = int(year) - int(self.years[0])
        if not 0 <= position < len(self.years):
            raise KeyError(f"year {year} is outside the run {self.years[0]}-{self.years[-1]}")
        return position

    def sel(self, indicator: str, year: int | None = None) -> np.ndarray:
        """Values of one indicator: ``(year, run)``, or ``(run,)`` for one year."""
        series = self.values[self._index(indicator)]
        return series if year is None else series[self._year_index(year)]

    def series(self, indicator: str, run: int = 0) -> pd.Series:
        return pd.Series(self.sel(indicator)[:, run], index=self.years, name=indicator)

    def quantiles(self, indicator: str, q: Sequence[float] = (0.05, 0.5, 0.95)) -> pd.DataFrame:
        """Quantiles across runs, one row per year, one column per quantile."""
        data = np.quantile(self.sel(indicator), q, axis=1).T
        return pd.DataFrame(data, index=self.years, columns=[quantile_name(x) for x in q])

    def to_dataframe(self) -> pd.DataFrame:
        """Long format: indicator, unit, year, run, value."""
        n_ind, n_years, n_runs = self.values.shape
        return pd.DataFrame({
            "indicator": np.repeat(self.indicators, n_years * n_runs),
            "unit": np.repeat([self.specs[k].unit for k in self.indicators], n_years * n_runs),
            "year": np.tile(np.repeat(self.years, n_runs), n_ind),
            "run": np.tile(np.arange(n_runs), n_ind * n_years),
            "value": self.values.reshape(-1),
        })

    def to_wide(self, run: int = 0, language: str = "en") -> pd.DataFrame:
        """One run as a table: one row per indicator (with its unit), one column per year."""
        frame = pd.DataFrame(self.values[:, :, run], columns=[int(y) for y in self.years])
        frame.insert(0, "unit", [self.specs[k].unit for k in self.indicators])
        frame.insert(0, "name", [self.specs[k].label(language) for k in self.indicators])
        frame.index = pd.Index(self.indicators, name="indicator")
        return frame

    def to_csv(self, path: str | Path) -> None:
        """Write the values as CSV, atomically (replacing ``path`` if it exists)."""
        save_csv(self.to_dataframe(), path, overwrite=True, index=False)
