package dev.perfgate.baseline.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfgate.api.BenchmarkKey;
import dev.perfgate.api.Metric;
import dev.perfgate.api.Result;
import dev.perfgate.baseline.DirectoryBaselineStore;
import dev.perfgate.baseline.internal.StoreFormat.FileDto;
import dev.perfgate.baseline.internal.StoreFormat.MetricDto;
import dev.perfgate.baseline.internal.StoreFormat.RunDto;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The JSON directory store. One file per variant holds the baseline and the history, so one atomic
 * rename updates both. Writers hold a JVM-wide lock and then an OS file lock on {@code .lock}
 * (an OS lock alone throws when two threads of one JVM take it), read the file, change it, write a
 * temporary file next to it, force it to disk and rename it over the old one.
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
  /** CI variables that carry the revision being built, in the order they are tried. */
  static final List<String> REVISION_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT");
  /** The environment property that carries a revision the caller knows. */
  static final String REVISION_PROPERTY = "vcs.revision";

  private final ObjectMapper mapper;
  private final Path root;
  private final int historyLimit;
  private final Function<String, String> env;
  private final Duration lockTimeout;

  /**
   * Creates a store.
   *
   * @param root the directory
   * @param historyLimit the runs kept per variant, at least 1
   * @param env reads environment variables (System::getenv; a map in tests)
   */
  public JsonDirectoryStore(Path root, int historyLimit, Function<String, String> env) {
    this(root, historyLimit, env, DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * Creates a store.
   *
   * @param root the directory
   * @param historyLimit the runs kept per variant, at least 1
   * @param env reads environment variables (System::getenv; a map in tests)
   * @param lockTimeout how long a write waits for another writer, positive
   */
  public JsonDirectoryStore(Path root, int historyLimit, Function<String, String> env, Duration lockTimeout) {
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
    this.env = Objects.requireNonNull(env, "env must not be null");
    // No default typing, ever: the file names no Java class, so a crafted file cannot make Jackson load one.
    this.mapper = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
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

  @Override
  public Optional<Result> baseline(BenchmarkKey key) throws IOException {
    Optional<Loaded> loaded = read(key);
    if (loaded.isEmpty() || loaded.get().file.baseline() == null) {
      return Optional.empty();
    }
    return Optional.of(toResult(loaded.get(), loaded.get().file.baseline(), "baseline"));
  }

  @Override
  public List<Result> history(BenchmarkKey key) throws IOException {
    Optional<Loaded> loaded = read(key);
    if (loaded.isEmpty() || loaded.get().file.history() == null) {
      return List.of();
    }
    List<Result> out = new ArrayList<>();
    List<RunDto> runs = loaded.get().file.history();
    for (int i = 0; i < runs.size(); i++) {
      out.add(toResult(loaded.get(), runs.get(i), "history entry " + i));
    }
    return List.copyOf(out);
  }

  @Override
  public void saveBaseline(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    RunDto run = StoreMapping.run(result, Instant.now(), revision(result));
    update(result, old -> new FileDto(StoreFormat.VERSION, old.key(), null, run, old.history()));
  }

  @Override
  public void append(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    RunDto run = StoreMapping.run(result, Instant.now(), revision(result));
    update(result, old -> {
      List<RunDto> history = new ArrayList<>(old.history() == null ? List.of() : old.history());
      history.add(run);
      int drop = Math.max(0, history.size() - historyLimit);
      return new FileDto(StoreFormat.VERSION, old.key(), null, old.baseline(),
          List.copyOf(history.subList(drop, history.size())));
    });
  }

  private Optional<String> revision(Result result) {
    String fromEnvironment = result.environment().properties().get(REVISION_PROPERTY);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(fromEnvironment);
    }
    for (String variable : REVISION_VARIABLES) {
      String v = env.apply(variable);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.trim());
      }
    }
    return Optional.empty();
  }

  private void update(Result result, UnaryOperator<FileDto> change) throws IOException {
    BenchmarkKey key = result.key();
    Path target = file(key);
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
        updateLocked(key, target, result, change);
      } finally {
        lock.release();
      }
    } finally {
      jvmLock.unlock();
    }
  }

  /** Takes the OS lock, waiting until the deadline; never throws an unchecked exception for it. */
  private FileLock lock(FileChannel channel, Path lockFile, long deadline) throws IOException {
    long pause = 1;
    while (true) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Only code outside this store can hold it in this JVM (the store's own writers wait above).
        throw new IOException("cannot lock " + lockFile + ": another part of this JVM holds a lock on it", e);
      }
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw lockTimedOut(lockFile, holder(lockFile));
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the lock " + lockFile);
      }
      pause = Math.min(100, pause * 2);
    }
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

  private void updateLocked(BenchmarkKey key, Path target, Result result, UnaryOperator<FileDto> change)
      throws IOException {
    removeStaleTemporaries();
    // A file that cannot be read throws here, before anything is written: it is never overwritten.
    Optional<Loaded> loaded = read(key);
    if (loaded.isPresent()) {
      validate(loaded.get());
    }
    FileDto old = loaded.map(l -> l.file)
        .orElse(new FileDto(StoreFormat.VERSION, StoreMapping.key(key), null, null, List.of()));
    FileDto changed = change.apply(old);
    List<MetricDto> known = old.metrics() == null ? List.of() : old.metrics();
    FileDto complete = new FileDto(changed.formatVersion(), changed.key(), metricTable(changed, result, known),
        changed.baseline(), changed.history());
    write(target, mapper.writeValueAsBytes(complete));
    if (loaded.isPresent() && !loaded.get().path.equals(target)) {
      // Read from its Perfgate 0.1 name: everything it held is in the new file now.
      Files.deleteIfExists(loaded.get().path);
    }
  }

  /** Every metric used in the file, by name; the newest result's definition wins. */
  private static List<MetricDto> metricTable(FileDto changed, Result newest, List<MetricDto> known) {
    Map<String, MetricDto> table = new java.util.TreeMap<>();
    List<RunDto> runs = new ArrayList<>();
    if (changed.baseline() != null) {
      runs.add(changed.baseline());
    }
    if (changed.history() != null) {
      runs.addAll(changed.history());
    }
    for (MetricDto m : known) {
      table.put(m.name(), m);
    }
    for (Metric m : newest.metrics()) {
      table.put(m.name(), StoreMapping.metric(m));
    }
    newest.notMeasured().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
    // Keep only metrics still used, so a dropped metric disappears with its last run.
    java.util.Set<String> used = new java.util.HashSet<>();
    for (RunDto r : runs) {
      if (r.notMeasured() != null) {
        used.addAll(r.notMeasured().keySet());
      }
      for (StoreFormat.TrialDto t : r.trials() == null ? List.<StoreFormat.TrialDto>of() : r.trials()) {
        if (t.values() != null) {
          used.addAll(t.values().keySet());
        }
        for (StoreFormat.SampleDto s : t.samples() == null ? List.<StoreFormat.SampleDto>of() : t.samples()) {
          if (s.values() != null) {
            used.addAll(s.values().keySet());
          }
        }
      }
    }
    table.keySet().retainAll(used);
    return List.copyOf(table.values());
  }

  /** Converts every entry, so that a write never carries an unreadable entry forward silently. */
  private static void validate(Loaded loaded) throws IOException {
    if (loaded.file.baseline() != null) {
      toResult(loaded, loaded.file.baseline(), "baseline");
    }
    List<RunDto> runs = loaded.file.history() == null ? List.of() : loaded.file.history();
    for (int i = 0; i < runs.size(); i++) {
      toResult(loaded, runs.get(i), "history entry " + i);
    }
  }

  private void write(Path target, byte[] bytes) throws IOException {
    // Not Files.createTempFile, which makes the file readable by its owner only: baselines are shared
    // files of a project, so they get the permissions the umask gives, like any file the user writes.
    Path tmp = root.resolve("." + target.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36)
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
      forceDirectory();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void forceDirectory() {
    // Makes the rename itself durable on Linux; not every platform can open a directory, and that is fine.
    try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.TRACE, "cannot force directory " + root, e);
    }
  }

  /** Under the lock, any temporary file was left by a writer that died before its rename. */
  private void removeStaleTemporaries() throws IOException {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(root, ".*" + TEMP_SUFFIX)) {
      for (Path p : stream) {
        Files.deleteIfExists(p);
        LOG.log(System.Logger.Level.DEBUG, "removed {0}, left by an interrupted write", p);
      }
    }
  }

  private static final class Loaded {
    final Path path;
    final FileDto file;
    final Map<String, Metric> metrics;

    Loaded(Path path, FileDto file, Map<String, Metric> metrics) {
      this.path = path;
      this.file = file;
      this.metrics = metrics;
    }
  }

  private Optional<Loaded> read(BenchmarkKey key) throws IOException {
    Path path = file(key);
    Optional<Loaded> current = read(key, path, false);
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
  private Optional<Loaded> read(BenchmarkKey key, Path path, boolean legacy) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (bytes.length == 0) {
      throw bad(path, "is empty", null);
    }
    JsonNode tree;
    try (JsonParser parser = mapper.createParser(bytes)) {
      try {
        tree = mapper.readTree(parser);
      } catch (JsonProcessingException e) {
        // Jackson's limits (nesting, string and number length) throw without a location; the
        // parser still knows where it stopped.
        JsonLocation where = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
            : parser.currentLocation();
        throw bad(path, "is not valid JSON" + at(where) + ": " + e.getOriginalMessage(), e);
      }
    }
    JsonNode version = tree == null ? null : tree.get("formatVersion");
    if (version == null || !version.canConvertToExactIntegral() || !version.isIntegralNumber()) {
      throw bad(path, "has no integer \"formatVersion\"", null);
    }
    int v = version.asInt();
    if (v > StoreFormat.VERSION) {
      throw new IOException("baseline file " + path + " has format version " + v
          + ", newer than this Perfgate reads (" + StoreFormat.VERSION + "); upgrade Perfgate, or delete the file");
    }
    if (v < 1) {
      throw bad(path, "has format version " + v + ", which no Perfgate wrote", null);
    }
    FileDto file;
    try {
      file = mapper.readValue(bytes, FileDto.class);
    } catch (JsonProcessingException e) {
      throw bad(path, "does not have the expected shape" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    try {
      BenchmarkKey stored = StoreMapping.key(file.key());
      if (!stored.equals(key)) {
        if (legacy) {
          return Optional.empty();
        }
        throw new IOException("baseline file " + path + " holds benchmark " + quoted(stored) + ", not "
            + quoted(key) + ", whose file it is by name: either it was copied or renamed by hand (give it back"
            + " the name " + file(stored).getFileName() + "), or the two names share the hash in the file name"
            + " (rename one of the benchmarks); the file was left as it is");
      }
      for (MetricDto m : file.metrics() == null ? List.<MetricDto>of() : file.metrics()) {
        metrics.put(m.name(), StoreMapping.metric(m));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw bad(path, "holds an invalid entry: " + e.getMessage(), e);
    }
    return Optional.of(new Loaded(path, file, metrics));
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

  private static Result toResult(Loaded loaded, RunDto run, String what) throws IOException {
    try {
      return StoreMapping.run(run, StoreMapping.key(loaded.file.key()), loaded.metrics);
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw bad(loaded.path, "holds an invalid " + what + ": " + e.getMessage(), e);
    }
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static IOException bad(Path path, String problem, Exception cause) {
    return new IOException("baseline file " + path + " " + problem + "; fix or delete it", cause);
  }

  @Override
  public String toString() {
    return "directory store " + root + " (" + historyLimit + " runs per variant)";
  }
}
