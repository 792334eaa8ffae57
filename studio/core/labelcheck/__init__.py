"""Label errors only a model can see: K-fold training, out-of-sample predictions, cleanlab's scores."""
