import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Latencies per operation (nanoseconds, in the order taken) and errors per kind, from any number of threads. */
final class Samples {

	final Map<String, List<Long>> byOp = new ConcurrentHashMap<>();

	final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

	void add(String op, long nanos) {
		this.byOp.computeIfAbsent(op, (k) -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
	}

	<T> T time(String op, Supplier<T> action) {
		long a = System.nanoTime();
		T result = action.get();
		add(op, System.nanoTime() - a);
		return result;
	}

	void error(String what) {
		this.errors.computeIfAbsent(what, (k) -> new AtomicInteger()).incrementAndGet();
	}

	int count(String op) {
		List<Long> l = this.byOp.get(op);
		return l == null ? 0 : l.size();
	}

	/** The {@code p}th percentile in milliseconds (nearest rank), NaN without samples. */
	double pct(String op, double p) {
		List<Long> copy = copy(op);
		if (copy.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(copy);
		int idx = (int) Math.ceil(p / 100.0 * copy.size()) - 1;
		return copy.get(Math.max(0, Math.min(idx, copy.size() - 1))) / 1e6;
	}

	/** "p50 / p95 / p99" in whole milliseconds, or a dash. */
	String pcts(String op) {
		if (count(op) == 0) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", pct(op, 50), pct(op, 95), pct(op, 99));
	}

	/** Every sample in milliseconds, under a heading: the raw part of a result file. */
	void appendRaw(StringBuilder out, String title) {
		out.append("### ").append(title).append("\n");
		this.byOp.forEach((op, l) -> {
			out.append(op).append(": ");
			out.append(String.join(",",
					copy(op).stream().map((n) -> String.format(Locale.ROOT, "%.2f", n / 1e6)).toList()));
			out.append("\n");
		});
		if (!this.errors.isEmpty()) {
			out.append("errors: ").append(this.errors).append("\n");
		}
		out.append("\n");
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private List<Long> copy(String op) {
		List<Long> l = this.byOp.get(op);
		if (l == null) {
			return new ArrayList<>();
		}
		synchronized (l) {
			return new ArrayList<>(l);
		}
	}

}
