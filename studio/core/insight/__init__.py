"""Dataset and model insight: survey, QA, statistics, metrics, evaluation, training runs."""
