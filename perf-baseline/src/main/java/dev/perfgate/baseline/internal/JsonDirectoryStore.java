package dev.perfgate.baseline.internal;

import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.DirectoryBaselineStore;
import dev.perfgate.baseline.ShardReports.ShardReport;
import dev.perfgate.baseline.format.FormatException;
import dev.perfgate.baseline.format.ResultFormat;
import dev.perfgate.baseline.format.StoredRun;
import dev.perfgate.api.Environment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.io.InterruptedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The JSON directory store. Each variant has a baseline file, {@code <name>.json}, holding one
 * baseline per environment fingerprint, and a history file, {@code history/<name>.json}; an append
 * rewrites only the history file, a baseline update only the baseline file. Writers hold a JVM-wide
 * lock and then an OS file lock on {@code .lock} (an OS lock alone throws when two threads of one
 * JVM take it), read the file, change it, write a temporary file next to it, force it to disk and
 * rename it over the old one; a compare-and-set of a baseline compares under the same lock.
 */
public final class JsonDirectoryStore implements DirectoryBaselineStore {

  private static final System.Logger LOG = System.getLogger(JsonDirectoryStore.class.getName());
  private static final Map<Object, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  private static final Pattern RESERVED = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
  private static final String TEMP_SUFFIX = ".tmp";
  private static final java.security.SecureRandom TEMP_NAMES = new java.security.SecureRandom();
  /** How long a write waits for another writer by default: writes take milliseconds, so a minute means a hang. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);

  /** The directory, inside the root, that holds the histories. */
  public static final String HISTORY_DIRECTORY = "history";

  /** The directory, inside the root, that holds the shards' reports, one directory per CI run and commit. */
  public static final String SHARDS_DIRECTORY = "shards";

  /** The directory, inside the root, that holds each branch's own histories, one directory per branch. */
  public static final String BRANCHES_DIRECTORY = "branches";

  private final Path root;
  private final int historyLimit;
  private final Duration lockTimeout;

  /**
   * Creates a store.
   *
   * @param root the directory
   * @param historyLimit the runs kept per variant, at least 1
   */
  public JsonDirectoryStore(Path root, int historyLimit) {
    this(root, historyLimit, DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * Creates a store.
   *
   * @param root the directory
   * @param historyLimit the runs kept per variant, at least 1
   * @param lockTimeout how long a write waits for another writer, positive
   */
  public JsonDirectoryStore(Path root, int historyLimit, Duration lockTimeout) {
    Objects.requireNonNull(lockTimeout, "lock timeout must not be null");
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("lock timeout (" + lockTimeout + ") must be positive, such as PT1M");
    }
    this.lockTimeout = lockTimeout;
    this.root = Objects.requireNonNull(root, "store root must not be null");
    if (historyLimit < 1) {
      throw new IllegalArgumentException("history limit (" + historyLimit + ") must be >= 1 run");
    }
    this.historyLimit = historyLimit;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public int historyLimit() {
    return historyLimit;
  }

  @Override
  public Duration lockTimeout() {
    return lockTimeout;
  }

  @Override
  public Path file(BenchmarkKey key) {
    return fileNamed(key, hash(key.name()));
  }

  /**
   * The file name that Perfgate 0.1 used for a key: its hash was 32 bits of SHA-256 over the name's
   * UTF-8 bytes, which maps every unpaired surrogate to the same {@code ?}. Files under that name are
   * still read, and moved to the current name on the next write.
   */
  Path legacyFile(BenchmarkKey key) {
    return fileNamed(key, legacyHash(key.name()));
  }

  private Path fileNamed(BenchmarkKey key, String hash) {
    Objects.requireNonNull(key, "key must not be null");
    String name = key.name();
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_").replaceAll("^[._-]+", "");
    if (base.length() > 80) {
      base = base.substring(0, 80);
    }
    if (base.isEmpty()) {
      base = "benchmark";
    }
    // Windows opens "aux", "aux.txt" and "aux.anything" as the device: the part before the first dot
    // must never be a device name, whatever follows it.
    boolean device = RESERVED.matcher(base).matches();
    if (device) {
      base = "_" + base;
    }
    // "--" separates the size and thread suffixes, so a name holding it gets a hash as well.
    boolean altered = device || !base.equals(name) || !SAFE.matcher(base).matches() || base.contains("--");
    StringBuilder sb = new StringBuilder(base);
    key.size().ifPresent(s -> sb.append("--size-").append(s));
    if (key.threads() != 1) {
      sb.append("--threads-").append(key.threads());
    }
    if (altered) {
      sb.append("--").append(hash);
    }
    Path file = root.resolve(sb.append(".json").toString());
    // The name above holds no separator, so this cannot fail; it guards the guarantee against later edits.
    if (!file.normalize().getParent().equals(root.normalize())) {
      throw new IllegalStateException("file name for " + key + " escaped the store: " + file);
    }
    return file;
  }

  /**
   * 64 bits of SHA-256 over the name's exact UTF-16 code units, so that names differing only in an
   * unpaired surrogate hash apart (an encoder would replace each with the same {@code ?}), and a
   * collision between two real names needs about four billion times more luck than with 32 bits.
   */
  static String hash(String name) {
    byte[] units = new byte[name.length() * 2];
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      units[2 * i] = (byte) (c >>> 8);
      units[2 * i + 1] = (byte) c;
    }
    return HexFormat.of().formatHex(sha256(units), 0, 8);
  }

  private static String legacyHash(String name) {
    return HexFormat.of().formatHex(sha256(name.getBytes(StandardCharsets.UTF_8)), 0, 4);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * The file that holds a variant's history: the baseline file's name in {@code history/}, so that a
   * run that only appends never rewrites the baseline file.
   */
  @Override
  public Path historyFile(BenchmarkKey key) {
    Path file = file(key);
    return root.resolve(HISTORY_DIRECTORY).resolve(file.getFileName().toString());
  }

  @Override
  public Path branchHistoryFile(BenchmarkKey key, String branch) {
    Objects.requireNonNull(branch, "branch must not be null");
    return root.resolve(BRANCHES_DIRECTORY).resolve(segment(branch)).resolve(file(key).getFileName().toString());
  }

  /** A branch name as one directory name, safe on every file system: readable where it can be, unique always. */
  static String segment(String branch) {
    String base = branch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_").replaceAll("^[._-]+", "");
    if (base.length() > 60) {
      base = base.substring(0, 60);
    }
    if (base.isEmpty()) {
      base = "branch";
    }
    if (RESERVED.matcher(base).matches()) {
      base = "_" + base;
    }
    return base.equals(branch) && !base.contains("--") ? base : base + "--" + hash(branch);
  }

  /** The directory of one CI run's shard reports. */
  private Path shardDirectory(String commit, String ciRunId) {
    return root.resolve(SHARDS_DIRECTORY).resolve(segment(ciRunId) + "--" + segment(commit));
  }

  @Override
  public void saveShardReport(ShardReport report) throws IOException {
    Objects.requireNonNull(report, "report must not be null");
    Path dir = shardDirectory(report.commit(), report.ciRunId());
    Files.createDirectories(dir);
    // One file per shard, written whole by an atomic rename: shards never write the same file.
    String json = "{\"commit\":" + ResultFormat.quote(report.commit()) + ",\"ciRunId\":" + ResultFormat.quote(report.ciRunId())
        + ",\"shard\":" + ResultFormat.quote(report.shard()) + ",\"passed\":" + report.passed() + ",\"report\":"
        + ResultFormat.quote(report.report()) + "}\n";
    write(dir.resolve(segment(report.shard()) + ".json"), json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public List<ShardReport> shardReports(String commit, String ciRunId) throws IOException {
    Path dir = shardDirectory(commit, ciRunId);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ShardReport> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[!.]*.json")) {
      for (Path f : files) {
        com.fasterxml.jackson.databind.JsonNode n;
        try {
          n = ResultFormat.tree(Files.readAllBytes(f));
        } catch (FormatException e) {
          throw new IOException("shard report " + f + " " + e.getMessage() + "; delete it and run the shard again", e);
        }
        if (n == null || !n.path("shard").isTextual() || !n.path("report").isTextual() || !n.path("passed").isBoolean()) {
          throw new IOException("shard report " + f + " lacks its shard, passed or report; delete it and run the shard"
              + " again");
        }
        out.add(new ShardReport(commit, ciRunId, n.get("shard").asText(), n.get("passed").asBoolean(),
            n.get("report").asText()));
      }
    }
    out.sort(java.util.Comparator.comparing(ShardReport::shard));
    return out;
  }

  @Override
  public void appendToBranch(String branch, Result result) throws IOException {
    Objects.requireNonNull(branch, "branch must not be null");
    Objects.requireNonNull(result, "result must not be null");
    StoredRun entry = entry(result);
    Path target = branchHistoryFile(result.key(), branch);
    update(result.key(), () -> {
      List<StoredRun> history = new ArrayList<>(read(result.key(), target, false).map(c -> c.history).orElse(List.of()));
      history.add(entry);
      int drop = Math.max(0, history.size() - historyLimit);
      Files.createDirectories(target.getParent());
      removeStaleTemporaries(target.getParent());
      write(target, ResultFormat.historyDocument(result.key(), history.subList(drop, history.size()), entry));
      return null;
    });
  }

  @Override
  public List<Result> branchHistory(BenchmarkKey key, String branch) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return read(key, branchHistoryFile(key, branch), false).map(c -> c.history.stream().map(StoredRun::result).toList())
        .orElse(List.of());
  }

  @Override
  public Optional<Result> baseline(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Optional<Content> main = readMain(key);
    if (main.isEmpty()) {
      return Optional.empty();
    }
    // The most recently saved one, whatever its environment.
    StoredRun newest = null;
    for (StoredRun e : main.get().baselines) {
      if (newest == null || !savedAt(e).isBefore(savedAt(newest))) {
        newest = e;
      }
    }
    return newest == null ? Optional.empty() : Optional.of(newest.result());
  }

  @Override
  public Optional<Result> baseline(BenchmarkKey key, Environment environment) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(environment, "environment must not be null");
    Optional<Content> main = readMain(key);
    return main.isEmpty() ? Optional.empty() : find(main.get().baselines, environment.fingerprint())
        .map(StoredRun::result);
  }

  @Override
  public List<Result> baselines(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Optional<Content> main = readMain(key);
    return main.isEmpty() ? List.of() : main.get().baselines.stream().map(StoredRun::result).toList();
  }

  @Override
  public List<Result> history(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return historyEntries(key, readMain(key)).stream().map(StoredRun::result).toList();
  }

  @Override
  public void saveBaseline(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    StoredRun entry = entry(result);
    update(result.key(), () -> {
      Optional<Content> main = migrate(result.key());
      writeBaselines(result.key(), replaced(main, entry), entry);
      return null;
    });
  }

  @Override
  public boolean compareAndSetBaseline(Optional<Result> expected, Result result) throws IOException {
    StoreArguments.compareAndSet(expected, result);
    StoredRun entry = entry(result);
    return update(result.key(), () -> {
      Optional<Content> main = readMain(result.key());
      Optional<Result> current = main.isEmpty() ? Optional.empty()
          : find(main.get().baselines, result.environment().fingerprint()).map(StoredRun::result);
      if (!current.equals(expected)) {
        return false;
      }
      main = migrate(result.key());
      writeBaselines(result.key(), replaced(main, entry), entry);
      return true;
    });
  }

  @Override
  public void append(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    StoredRun entry = entry(result);
    update(result.key(), () -> {
      Optional<Content> main = migrate(result.key());
      List<StoredRun> history = new ArrayList<>(historyEntries(result.key(), main));
      history.add(entry);
      int drop = Math.max(0, history.size() - historyLimit);
      writeHistory(result.key(), history.subList(drop, history.size()), entry);
      return null;
    });
  }

  private static StoredRun entry(Result result) {
    return StoredRun.saved(result, Optional.of(Instant.now().toString()));
  }

  private static Optional<StoredRun> find(List<StoredRun> baselines, String fingerprint) {
    return baselines.stream().filter(e -> e.result().environment().fingerprint().equals(fingerprint)).findFirst();
  }

  /** The baselines with the entry's environment's one replaced, sorted by fingerprint for a stable diff. */
  private static List<StoredRun> replaced(Optional<Content> main, StoredRun entry) {
    Map<String, StoredRun> byFingerprint = new java.util.TreeMap<>();
    for (StoredRun e : main.isEmpty() ? List.<StoredRun>of() : main.get().baselines) {
      byFingerprint.put(e.result().environment().fingerprint(), e);
    }
    byFingerprint.put(entry.result().environment().fingerprint(), entry);
    return List.copyOf(byFingerprint.values());
  }

  private static Instant savedAt(StoredRun e) {
    try {
      return e.savedAt().isEmpty() ? Instant.MIN : Instant.parse(e.savedAt().get());
    } catch (java.time.DateTimeException ex) {
      return Instant.MIN;
    }
  }

  /** The history: its own file once one was written, else what a version 1 file held beside its baseline. */
  private List<StoredRun> historyEntries(BenchmarkKey key, Optional<Content> main) throws IOException {
    Optional<Content> own = read(key, historyFile(key), false);
    if (own.isPresent()) {
      return own.get().history;
    }
    return main.isPresent() && main.get().version == 1 ? main.get().history : List.of();
  }

  /**
   * Under the lock: a version 1 file (or one under its Perfgate 0.1 name) becomes a history file and
   * a version 2 baseline file. The history is written first, so that a crash in between leaves both
   * readable and nothing lost; the baseline file changes format only here, once.
   *
   * @return the baseline file's content as it is now
   */
  private Optional<Content> migrate(BenchmarkKey key) throws IOException {
    Optional<Content> main = readMain(key);
    historyEntries(key, main); // a broken history file throws here, before anything is written
    if (main.isEmpty() || main.get().version == ResultFormat.VERSION && main.get().path.equals(file(key))) {
      return main;
    }
    Content old = main.get();
    if (old.version == 1 && !old.history.isEmpty() && !Files.exists(historyFile(key))) {
      writeHistory(key, old.history, null);
    }
    if (old.baselines.isEmpty()) {
      Files.deleteIfExists(file(key));
    } else {
      writeBaselines(key, old.baselines, null);
    }
    if (!old.path.equals(file(key))) {
      // Read from its Perfgate 0.1 name: everything it held is under the new names now.
      Files.deleteIfExists(old.path);
    }
    return readMain(key);
  }

  private void writeBaselines(BenchmarkKey key, List<StoredRun> baselines, StoredRun newest) throws IOException {
    write(file(key), ResultFormat.baselineDocument(key, baselines, newest));
  }

  private void writeHistory(BenchmarkKey key, List<StoredRun> history, StoredRun newest) throws IOException {
    Path target = historyFile(key);
    Files.createDirectories(target.getParent());
    write(target, ResultFormat.historyDocument(key, history, newest));
  }

  /** Work done under the lock. */
  @FunctionalInterface
  private interface Locked<T> {
    T run() throws IOException;
  }

  private <T> T update(BenchmarkKey key, Locked<T> action) throws IOException {
    Files.createDirectories(root);
    Path lockFile = root.resolve(".lock");
    try {
      // Created without opening a channel on an existing file: closing any descriptor of a file drops
      // every lock this process holds on it, another thread's included.
      Files.createFile(lockFile);
    } catch (FileAlreadyExistsException e) {
      // as expected after the first write
    }
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    // One JVM-wide lock per lock file, whatever path led to it (a symbolic link, a relative path):
    // the file's identity where the file system has one, else its real path.
    Object identity = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(identity != null ? identity : lockFile.toRealPath(),
        p -> new ReentrantLock());
    try {
      if (!jvmLock.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw lockTimedOut(lockFile, "another thread of this JVM");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the lock " + lockFile);
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = lock(channel, lockFile, deadline);
      try {
        sayHolder(channel);
        removeStaleTemporaries(root);
        removeStaleTemporaries(root.resolve(HISTORY_DIRECTORY));
        return action.run();
      } finally {
        lock.release();
      }
    } finally {
      jvmLock.unlock();
    }
  }

  /**
   * Takes the OS lock, waiting until the deadline; never throws an unchecked exception for it. The
   * wait is a blocking lock in the kernel's queue, not a poll: a poller that sleeps between tries
   * loses the lock, again and again, to writers that release it and take it again at once (four
   * processes appending at once starved one for a minute that way).
   */
  private FileLock lock(FileChannel channel, Path lockFile, long deadline) throws IOException {
    FileLock quick;
    try {
      quick = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw overlapping(lockFile, e);
    }
    if (quick != null) {
      return quick;
    }
    java.util.concurrent.FutureTask<FileLock> wait = new java.util.concurrent.FutureTask<>(channel::lock);
    Thread waiter = new Thread(wait, "perfgate-lock-wait " + lockFile.getFileName());
    waiter.setDaemon(true);
    waiter.start();
    try {
      return wait.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // Interrupting the blocked lock call closes the channel, which also drops the lock should it
      // have been granted this instant; no other thread of this JVM holds a lock on this file now.
      waiter.interrupt();
      try {
        waiter.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      throw lockTimedOut(lockFile, holder(lockFile));
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof OverlappingFileLockException o) {
        throw overlapping(lockFile, o);
      }
      throw e.getCause() instanceof IOException io ? new IOException("cannot lock " + lockFile + ": " + io, io)
          : new IOException("cannot lock " + lockFile + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      waiter.interrupt();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the lock " + lockFile);
    }
  }

  private static IOException overlapping(Path lockFile, OverlappingFileLockException e) {
    // Only code outside this store can hold it in this JVM (the store's own writers wait above).
    return new IOException("cannot lock " + lockFile + ": another part of this JVM holds a lock on it", e);
  }

  private IOException lockTimedOut(Path lockFile, String holder) {
    return new IOException("waited " + lockTimeout.toMillis() + " ms for the lock " + lockFile + ", held by "
        + holder + "; if no Perfgate run is writing baselines now, the holder hangs: stop it (a lock dies"
        + " with its process), or allow a longer wait");
  }

  /** Writes who holds the lock into the lock file, for a writer that times out waiting to name. */
  private static void sayHolder(FileChannel channel) {
    String me = "process " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now() + "\n";
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot note the lock holder: " + e);
    }
  }

  private static String holder(Path lockFile) {
    try {
      // Safe to open and close: no thread of this JVM holds a lock on it now (they wait for the JVM lock).
      String text = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? "a process that did not say who it is" : text;
    } catch (IOException e) {
      return "a process that cannot be named (" + e.getMessage() + ")";
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unnamed host";
    }
  }

  private void write(Path target, byte[] bytes) throws IOException {
    // Not Files.createTempFile, which makes the file readable by its owner only: baselines are shared
    // files of a project, so they get the permissions the umask gives, like any file the user writes.
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36)
        + TEMP_SUFFIX);
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot write " + target + " atomically: the file system of " + root
            + " does not support atomic renames; put the baselines on a local disk", e);
      }
      forceDirectory(target.getParent());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void forceDirectory(Path directory) {
    // Makes the rename itself durable on Linux; not every platform can open a directory, and that is fine.
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.TRACE, "cannot force directory " + directory, e);
    }
  }

  /** Under the lock, any temporary file was left by a writer that died before its rename. */
  private static void removeStaleTemporaries(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, ".*" + TEMP_SUFFIX)) {
      for (Path p : stream) {
        Files.deleteIfExists(p);
        LOG.log(System.Logger.Level.DEBUG, "removed {0}, left by an interrupted write", p);
      }
    }
  }

  /** A file read and checked: every entry in it converted, so none is carried forward unread. */
  private static final class Content {
    final Path path;
    final int version;
    final List<StoredRun> baselines;
    final List<StoredRun> history;

    Content(Path path, int version, List<StoredRun> baselines, List<StoredRun> history) {
      this.path = path;
      this.version = version;
      this.baselines = List.copyOf(baselines);
      this.history = List.copyOf(history);
    }
  }

  /** The baseline file (or a version 1 file holding baseline and history), under its name or its 0.1 name. */
  private Optional<Content> readMain(BenchmarkKey key) throws IOException {
    Path path = file(key);
    Optional<Content> current = read(key, path, false);
    if (current.isPresent()) {
      return current;
    }
    Path legacy = legacyFile(key);
    return legacy.equals(path) ? current : read(key, legacy, true);
  }

  /**
   * Reads one file. A legacy file that holds another benchmark is not this key's (two names shared
   * the old 32-bit hash), so it reads as absent rather than as an error.
   */
  private Optional<Content> read(BenchmarkKey key, Path path, boolean legacy) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    ResultFormat.Document document;
    try {
      document = ResultFormat.parse(bytes);
    } catch (FormatException e) {
      throw problem(path, e);
    }
    BenchmarkKey stored = document.key();
    if (!stored.equals(key)) {
      if (legacy) {
        // Two names shared the old 32-bit hash: this file is the other benchmark's.
        return Optional.empty();
      }
      throw new IOException("baseline file " + path + " holds benchmark " + quoted(stored) + ", not "
          + quoted(key) + ", whose file it is by name: either it was copied or renamed by hand (give it back"
          + " the name " + file(stored).getFileName() + "), or the two names share the hash in the file name"
          + " (rename one of the benchmarks); the file was left as it is");
    }
    try {
      return Optional.of(new Content(path, document.version(), document.baselines(), document.history()));
    } catch (FormatException e) {
      throw problem(path, e);
    }
  }

  private static IOException problem(Path path, FormatException e) {
    return e.newerVersion() ? new IOException("baseline file " + path + " " + e.getMessage(), e)
        : bad(path, e.getMessage(), e);
  }

  /** A key as Java source would spell its name, so that names that print alike can be told apart. */
  static String quoted(BenchmarkKey key) {
    StringBuilder sb = new StringBuilder("\"");
    String name = key.name();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !pairedAt(name, i)) {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
    key.size().ifPresent(s -> sb.append(" size ").append(s));
    if (key.threads() != 1) {
      sb.append(" threads ").append(key.threads());
    }
    return sb.toString();
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static IOException bad(Path path, String problem, Exception cause) {
    return new IOException("baseline file " + path + " " + problem + "; fix or delete it", cause);
  }

  @Override
  public String toString() {
    return "directory store " + root + " (" + historyLimit + " runs per variant)";
  }
}
