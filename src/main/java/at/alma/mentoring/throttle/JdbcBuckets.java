package at.alma.mentoring.throttle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's bucket state in the {@code sign_in_throttle} table (with the time it was
 * last used, for {@link ThrottleCleanup}), through Bucket4j's own select-for-update
 * protocol: lock the row, read the state, write it back, commit. Plain SQL that H2 (MySQL
 * mode), MySQL and MariaDB all run; Bucket4j's MySQL module is not published for Java 17
 * and its SQL ({@code INSERT IGNORE}) is not portable to H2. Each operation runs on a
 * connection of its own and commits at once, so a failed sign-in's count survives the
 * rollback of the sign-in transaction.
 */
class JdbcBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

	private static final String SELECT = "select state from sign_in_throttle where bucket_key = ? for update";

	private static final String INSERT = "insert into sign_in_throttle (bucket_key, state, used_at) values (?, null, ?)";

	private static final String UPDATE = "update sign_in_throttle set state = ?, used_at = ? where bucket_key = ?";

	private static final String DELETE = "delete from sign_in_throttle where bucket_key = ?";

	private final DataSource dataSource;

	private final Clock clock;

	JdbcBuckets(DataSource dataSource, Clock clock, ClientSideConfig config) {
		super(config);
		this.dataSource = dataSource;
		this.clock = clock;
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new SelectForUpdateBasedTransaction() {

			@Override
			public void begin(Optional<Long> timeout) {
				run(() -> connection.setAutoCommit(false));
			}

			@Override
			public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
				try (PreparedStatement select = connection.prepareStatement(SELECT)) {
					applyTimeout(select, timeout);
					select.setString(1, key);
					try (ResultSet row = select.executeQuery()) {
						return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
					}
				}
				catch (SQLException ex) {
					throw new BucketExceptions.BucketExecutionException(ex);
				}
			}

			@Override
			public boolean tryInsertEmptyData(Optional<Long> timeout) {
				try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
					applyTimeout(insert, timeout);
					insert.setString(1, key);
					insert.setObject(2, now());
					insert.executeUpdate();
					return true;
				}
				catch (SQLException ex) {
					String state = String.valueOf(ex.getSQLState());
					// another instance inserted the row first (duplicate key), or MySQL
					// chose us as the deadlock victim of two concurrent first inserts:
					// Bucket4j locks and reads again
					if (state.startsWith("23") || state.startsWith("40")) {
						return false;
					}
					throw new BucketExceptions.BucketExecutionException(ex);
				}
			}

			@Override
			public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeout) {
				try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
					applyTimeout(update, timeout);
					update.setBytes(1, data);
					update.setObject(2, now());
					update.setString(3, key);
					update.executeUpdate();
				}
				catch (SQLException ex) {
					throw new BucketExceptions.BucketExecutionException(ex);
				}
			}

			@Override
			public void commit(Optional<Long> timeout) {
				run(connection::commit);
			}

			@Override
			public void rollback() {
				run(connection::rollback);
			}

			@Override
			public void release() {
				run(() -> {
					connection.setAutoCommit(true);
					connection.close();
				});
			}

		};
	}

	@Override
	public void removeProxy(String key) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection.prepareStatement(DELETE)) {
			delete.setString(1, key);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	/** When a bucket was last used, in UTC like every timestamp column here. */
	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static void run(SqlAction action) {
		try {
			action.run();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

}
