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
import dev.perfgate.baseline.internal.StoreFormat.FileDto2;
import dev.perfgate.baseline.internal.StoreFormat.RunDto2;
import dev.perfgate.baseline.internal.StoreFormat.EnvironmentDto;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
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
  /** CI variables that carry the revision being built, in the order they are tried. */
  static final List<String> REVISION_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT");
  /** The environment property that carries a revision the caller knows. */
  static final String REVISION_PROPERTY = "vcs.revision";

  /** The directory, inside the root, that holds the histories. */
  public static final String HISTORY_DIRECTORY = "history";

  private final ObjectMapper mapper;
  private final ObjectWriter compactWriter;
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
    this.compactWriter = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
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
  public Optional<Result> baseline(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Optional<Content> main = readMain(key);
    if (main.isEmpty()) {
      return Optional.empty();
    }
    // The most recently saved one, whatever its environment.
    Entry newest = null;
    for (Entry e : main.get().baselines) {
      if (newest == null || !savedAt(e).isBefore(savedAt(newest))) {
        newest = e;
      }
    }
    return newest == null ? Optional.empty() : Optional.of(newest.result);
  }

  @Override
  public Optional<Result> baseline(BenchmarkKey key, Environment environment) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(environment, "environment must not be null");
    Optional<Content> main = readMain(key);
    return main.isEmpty() ? Optional.empty() : find(main.get().baselines, environment.fingerprint())
        .map(e -> e.result);
  }

  @Override
  public List<Result> baselines(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    Optional<Content> main = readMain(key);
    return main.isEmpty() ? List.of() : main.get().baselines.stream().map(e -> e.result).toList();
  }

  @Override
  public List<Result> history(BenchmarkKey key) throws IOException {
    Objects.requireNonNull(key, "key must not be null");
    return historyEntries(key, readMain(key)).stream().map(e -> e.result).toList();
  }

  @Override
  public void saveBaseline(Result result) throws IOException {
    Objects.requireNonNull(result, "result must not be null");
    Entry entry = entry(result);
    update(result.key(), () -> {
      Optional<Content> main = migrate(result.key());
      writeBaselines(result.key(), replaced(main, entry), entry);
      return null;
    });
  }

  @Override
  public boolean compareAndSetBaseline(Optional<Result> expected, Result result) throws IOException {
    Objects.requireNonNull(expected, "expected must not be null (Optional.empty() for none)");
    Objects.requireNonNull(result, "result must not be null");
    expected.ifPresent(e -> {
      if (!e.key().equals(result.key()) || !e.environment().fingerprint().equals(result.environment().fingerprint())) {
        throw new IllegalArgumentException("expected baseline " + e.key() + " [" + e.environment().fingerprint()
            + "] is not of the variant and environment of the result " + result.key() + " ["
            + result.environment().fingerprint() + "]; pass the baseline read with baseline(key, environment)");
      }
    });
    Entry entry = entry(result);
    return update(result.key(), () -> {
      Optional<Content> main = readMain(result.key());
      Optional<Result> current = main.isEmpty() ? Optional.empty()
          : find(main.get().baselines, result.environment().fingerprint()).map(e -> e.result);
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
    Entry entry = entry(result);
    update(result.key(), () -> {
      Optional<Content> main = migrate(result.key());
      List<Entry> history = new ArrayList<>(historyEntries(result.key(), main));
      history.add(entry);
      int drop = Math.max(0, history.size() - historyLimit);
      writeHistory(result.key(), history.subList(drop, history.size()), entry);
      return null;
    });
  }

  private Entry entry(Result result) {
    return new Entry(result, Instant.now().toString(), revision(result).orElse(null));
  }

  private static Optional<Entry> find(List<Entry> baselines, String fingerprint) {
    return baselines.stream().filter(e -> e.result.environment().fingerprint().equals(fingerprint)).findFirst();
  }

  /** The baselines with the entry's environment's one replaced, sorted by fingerprint for a stable diff. */
  private static List<Entry> replaced(Optional<Content> main, Entry entry) {
    Map<String, Entry> byFingerprint = new java.util.TreeMap<>();
    for (Entry e : main.isEmpty() ? List.<Entry>of() : main.get().baselines) {
      byFingerprint.put(e.result.environment().fingerprint(), e);
    }
    byFingerprint.put(entry.result.environment().fingerprint(), entry);
    return List.copyOf(byFingerprint.values());
  }

  private static Instant savedAt(Entry e) {
    try {
      return e.savedAt == null ? Instant.MIN : Instant.parse(e.savedAt);
    } catch (java.time.DateTimeException ex) {
      return Instant.MIN;
    }
  }

  /** The history: its own file once one was written, else what a version 1 file held beside its baseline. */
  private List<Entry> historyEntries(BenchmarkKey key, Optional<Content> main) throws IOException {
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
    if (main.isEmpty() || main.get().version == StoreFormat.VERSION && main.get().path.equals(file(key))) {
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

  private void writeBaselines(BenchmarkKey key, List<Entry> baselines, Entry newest) throws IOException {
    Map<String, EnvironmentDto> environments = new java.util.TreeMap<>();
    List<RunDto2> runs = runs(baselines, environments);
    write(file(key), render(new FileDto2(StoreFormat.VERSION, StoreMapping.key(key), metricTable(baselines, newest),
        environments, runs, null)));
  }

  private void writeHistory(BenchmarkKey key, List<Entry> history, Entry newest) throws IOException {
    Path target = historyFile(key);
    Files.createDirectories(target.getParent());
    Map<String, EnvironmentDto> environments = new java.util.TreeMap<>();
    List<RunDto2> runs = runs(history, environments);
    write(target, render(new FileDto2(StoreFormat.VERSION, StoreMapping.key(key), metricTable(history, newest),
        environments, null, runs)));
  }

  /** The runs, each naming its environment by a hash of its content; fills the table of environments. */
  private List<RunDto2> runs(List<Entry> entries, Map<String, EnvironmentDto> environments) throws IOException {
    List<RunDto2> out = new ArrayList<>();
    Map<Environment, String> ids = new java.util.HashMap<>();
    for (Entry e : entries) {
      String id = ids.get(e.result.environment());
      if (id == null) {
        EnvironmentDto dto = StoreMapping.environment(e.result.environment());
        byte[] content = compact(mapper.valueToTree(dto)).getBytes(StandardCharsets.UTF_8);
        // The fingerprint first, so that a reader sees which baselines are comparable; the content
        // hash tells apart two environments that differ only in what the fingerprint leaves out.
        id = e.result.environment().fingerprint() + "-" + HexFormat.of().formatHex(sha256(content), 0, 3);
        ids.put(e.result.environment(), id);
        environments.put(id, dto);
      }
      out.add(StoreMapping.run2(e.result, e.savedAt, e.revision, id));
    }
    return out;
  }

  /** Every metric the entries use, by name; the newest entry's definition wins over older ones. */
  private static List<MetricDto> metricTable(List<Entry> entries, Entry newest) {
    Map<String, MetricDto> table = new java.util.TreeMap<>();
    List<Entry> ordered = new ArrayList<>(entries);
    if (newest != null) {
      ordered.remove(newest);
      ordered.add(newest);
    }
    for (Entry e : ordered) {
      Result r = e.result;
      for (dev.perfgate.api.Trial t : r.trials()) {
        t.values().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
        for (dev.perfgate.api.Sample s : t.samples()) {
          s.values().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
        }
      }
      r.notMeasured().keySet().forEach(m -> table.put(m.name(), StoreMapping.metric(m)));
    }
    return List.copyOf(table.values());
  }

  /**
   * Lays the file out for a diff: the file's fields, each metric and each run's fields on a line of
   * their own, an environment on one line and each trial on one line (its samples as arrays in the
   * run's column order), so that a new run adds lines instead of changing numbers across the file.
   */
  private byte[] render(FileDto2 file) throws IOException {
    JsonNode tree = mapper.valueToTree(file);
    StringBuilder sb = new StringBuilder();
    object(sb, tree, "", (name, value, indent) -> {
      switch (name) {
        case "metrics" -> lines(sb, value, indent, (n, in) -> sb.append(compact(n)));
        case "environments" -> object(sb, value, indent, (id, v, in) -> sb.append(compact(v)));
        case "baselines", "history" -> lines(sb, value, indent, (run, in) -> object(sb, run, in,
            (field, v, in2) -> {
              if (field.equals("trials")) {
                lines(sb, v, in2, (t, in3) -> sb.append(compact(t)));
              } else {
                sb.append(compact(v));
              }
            }));
        default -> sb.append(compact(value));
      }
    });
    sb.append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface FieldWriter {
    void write(String name, JsonNode value, String indent) throws IOException;
  }

  @FunctionalInterface
  private interface ElementWriter {
    void write(JsonNode element, String indent) throws IOException;
  }

  private void object(StringBuilder sb, JsonNode node, String indent, FieldWriter fields) throws IOException {
    sb.append("{\n");
    var it = node.fields();
    while (it.hasNext()) {
      var field = it.next();
      sb.append(indent).append("  ").append(compact(JsonNodeFactory.instance.textNode(field.getKey()))).append(": ");
      fields.write(field.getKey(), field.getValue(), indent + "  ");
      sb.append(it.hasNext() ? ",\n" : "\n");
    }
    sb.append(indent).append('}');
  }

  private static void lines(StringBuilder sb, JsonNode array, String indent, ElementWriter elements)
      throws IOException {
    if (array.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append("[\n");
    for (int i = 0; i < array.size(); i++) {
      sb.append(indent).append("  ");
      elements.write(array.get(i), indent + "  ");
      sb.append(i + 1 < array.size() ? ",\n" : "\n");
    }
    sb.append(indent).append(']');
  }

  private String compact(JsonNode node) throws IOException {
    String json = compactWriter.writeValueAsString(node);
    // An unpaired surrogate (a name cut inside an emoji) has no UTF-8 form: the encoder would write
    // '?', and "a\uD800" would come back as "a?". Outside strings JSON is ASCII, so escaping every
    // unpaired surrogate in the text escapes exactly those inside strings.
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean unpaired = Character.isHighSurrogate(c)
          ? i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(json.charAt(i - 1)));
      if (unpaired && out == null) {
        out = new StringBuilder(json.length() + 8).append(json, 0, i);
      }
      if (out != null) {
        if (unpaired) {
          out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? json : out.toString();
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

  /** One stored run with what the store noted beside it. */
  private static final class Entry {
    final Result result;
    final String savedAt;
    final String revision;

    Entry(Result result, String savedAt, String revision) {
      this.result = result;
      this.savedAt = savedAt;
      this.revision = revision;
    }
  }

  /** A file read and checked: every entry in it converted, so none is carried forward unread. */
  private static final class Content {
    final Path path;
    final int version;
    final List<Entry> baselines;
    final List<Entry> history;

    Content(Path path, int version, List<Entry> baselines, List<Entry> history) {
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
    FileDto2 file;
    try {
      if (v == 1) {
        FileDto old = mapper.readValue(bytes, FileDto.class);
        file = new FileDto2(1, old.key(), old.metrics(), null, null, null);
        return Optional.of(convert(key, path, legacy, file, old));
      }
      file = mapper.readValue(bytes, FileDto2.class);
    } catch (JsonProcessingException e) {
      throw bad(path, "does not have the expected shape" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }
    return Optional.ofNullable(convert(key, path, legacy, file, null));
  }

  /** Checks the key and converts every entry; null for a legacy file that holds another benchmark. */
  private Content convert(BenchmarkKey key, Path path, boolean legacy, FileDto2 file, FileDto v1) throws IOException {
    Map<String, Metric> metrics = new LinkedHashMap<>();
    BenchmarkKey stored;
    try {
      stored = StoreMapping.key(file.key());
      for (MetricDto m : file.metrics() == null ? List.<MetricDto>of() : file.metrics()) {
        metrics.put(m.name(), StoreMapping.metric(m));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw bad(path, "holds an invalid entry: " + e.getMessage(), e);
    }
    if (!stored.equals(key)) {
      if (legacy) {
        return null;
      }
      throw new IOException("baseline file " + path + " holds benchmark " + quoted(stored) + ", not "
          + quoted(key) + ", whose file it is by name: either it was copied or renamed by hand (give it back"
          + " the name " + file(stored).getFileName() + "), or the two names share the hash in the file name"
          + " (rename one of the benchmarks); the file was left as it is");
    }
    List<Entry> baselines = new ArrayList<>();
    List<Entry> history = new ArrayList<>();
    if (v1 != null) {
      if (v1.baseline() != null) {
        baselines.add(entry(path, v1.baseline(), stored, metrics, null, "baseline"));
      }
      List<RunDto> runs = v1.history() == null ? List.of() : v1.history();
      for (int i = 0; i < runs.size(); i++) {
        history.add(entry(path, runs.get(i), stored, metrics, null, "history entry " + i));
      }
      return new Content(path, 1, baselines, history);
    }
    List<RunDto2> saved = file.baselines() == null ? List.of() : file.baselines();
    for (int i = 0; i < saved.size(); i++) {
      baselines.add(entry(path, saved.get(i), stored, metrics, file.environments(), "baseline " + i));
    }
    List<RunDto2> runs = file.history() == null ? List.of() : file.history();
    for (int i = 0; i < runs.size(); i++) {
      history.add(entry(path, runs.get(i), stored, metrics, file.environments(), "history entry " + i));
    }
    return new Content(path, file.formatVersion(), baselines, history);
  }

  private static Entry entry(Path path, Object run, BenchmarkKey key, Map<String, Metric> metrics,
      Map<String, EnvironmentDto> environments, String what) throws IOException {
    try {
      StoreMapping.require(run != null, "it is null");
      if (run instanceof RunDto old) {
        return new Entry(StoreMapping.run(old, key, metrics), old.savedAt(), old.revision());
      }
      RunDto2 current = (RunDto2) run;
      return new Entry(StoreMapping.run(current, key, metrics, environments), current.savedAt(), current.revision());
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw bad(path, "holds an invalid " + what + ": " + e.getMessage(), e);
    }
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
