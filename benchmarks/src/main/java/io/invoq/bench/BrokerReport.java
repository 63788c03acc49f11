package io.invoq.bench;

import java.util.List;

/** invoq's results on one broker and the figures made of them. */
record BrokerReport(InvoqResult result, List<Figure> figures) {
}
