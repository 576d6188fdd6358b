package at.alma.mentoring.platform;

import java.util.concurrent.atomic.AtomicInteger;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retention run deletes at most {@code max-batches} batches in all, however many pages
 * of ended mentorships it walks: what is left waits for the next run.
 */
class ClusterJobsTests extends ApiTest {

	@Autowired
	ClusterJobs jobs;

	@Autowired
	RetentionSettings settings;

	@Test
	void aRunsBatchesAreCountedAcrossItsPages() {
		AtomicInteger batches = new AtomicInteger();
		// every batch finds a full batch to delete, on each of three pages
		var removed = this.jobs.alone("cluster-jobs-test", () -> {
			int sum = 0;
			for (int page = 0; page < 3; page++) {
				sum += this.jobs.inBatches(() -> {
					batches.incrementAndGet();
					return this.settings.batchSize();
				});
			}
			return sum;
		});
		assertThat(batches.get()).isEqualTo(this.settings.maxBatches());
		assertThat(removed).hasValue(this.settings.maxBatches() * this.settings.batchSize());

		// the next run has its own budget
		batches.set(0);
		this.jobs.alone("cluster-jobs-test", () -> this.jobs.inBatches(() -> {
			batches.incrementAndGet();
			return 0;
		}));
		assertThat(batches.get()).isEqualTo(1);
	}

}
