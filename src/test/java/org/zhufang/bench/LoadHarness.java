package org.zhufang.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhufang.Application;
import org.zhufang.EmbeddedDatabaseConfiguration;

/**
 * A load-test harness, run by hand: starts the application on the embedded MariaDB with the demo
 * county (database {@code zhufang_bench}), signs in, and drives typical GraphQL requests from
 * several client threads over HTTP, reporting throughput and latency percentiles. Figures and how
 * to read them are in docs/performance.md.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.zhufang.bench.LoadHarness
 * </pre>
 * Arguments: {@code clients=8 seconds=20 warmup=5}.
 */
public final class LoadHarness {

	private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

	static {
		SCENARIOS.put("towns (admin)", "{ areas(filter: {level: TOWN}) { totalCount edges { node { code name residents } } } }");
		SCENARIOS.put("100 villages + grids + staff (admin)", """
				{ areas(filter: {level: VILLAGE}, first: 100) { edges { node { name parent { name }
				  children(first: 10) { totalCount edges { node { name complete gridStaff { displayName phone role } } } } } } } }""");
		SCENARIOS.put("subtree search (station chief)", "{ areas(filter: {search: \"网格\"}, first: 50) { totalCount edges { node { code name } } } }");
		SCENARIOS.put("one grid by code (grid member)", "{ areaByCode(code: \"410721100204001\") { name ancestors { name } gridStaff { displayName phone } complete } }");
		SCENARIOS.put("villages with their officer (station chief)", """
				{ areas(filter: {level: VILLAGE}, first: 50) { edges { node { name villageOfficer { name phone station { name } } } } } }""");
		SCENARIOS.put("teams with 20 members each (coordinator)", """
				{ teams(first: 20) { edges { node { name homeArea { name }
				  members(first: 20) { edges { node { role volunteer { name phone } } } } } } } }""");
		SCENARIOS.put("latest talks with campaign (outreach staff)", """
				{ talks(first: 20) { totalCount edges { node { heldAt venueName audienceCount themes campaign { name } area { name } speakerOfficers { name } speakerTeams { name } } } } }""");
		SCENARIOS.put("county reach by theme and month (viewer)", """
				{ outreachReach(areaId: "$COUNTY", from: "$YEAR-01-01", to: "$TODAY", groupBy: [THEME, MONTH]) {
				  talks peopleReached rows { theme month talks peopleReached } } }""");
	}

	private static final Map<String, String> USERS = Map.of("towns (admin)", "admin",
			"100 villages + grids + staff (admin)", "admin", "subtree search (station chief)", "chief.qiliying",
			"one grid by code (grid member)", "grid.nanxin", "villages with their officer (station chief)",
			"chief.qiliying", "teams with 20 members each (coordinator)", "coordinator.wulao",
			"latest talks with campaign (outreach staff)", "outreach.zhang", "county reach by theme and month (viewer)",
			"viewer");

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("clients", "8", "seconds", "20", "warmup", "5"));
		for (String arg : args) {
			String[] kv = arg.split("=", 2);
			options.put(kv[0], kv[1]);
		}
		int clients = Integer.parseInt(options.get("clients"));
		int seconds = Integer.parseInt(options.get("seconds"));
		int warmup = Integer.parseInt(options.get("warmup"));

		ConfigurableApplicationContext app = SpringApplication.from(Application::main)
			.with(EmbeddedDatabaseConfiguration.class)
			.run("--server.port=0", "--zhufang.demo-data.enabled=true", "--zhufang.security.jwt.generate-key=true",
					"--zhufang.embedded-db.database=zhufang_bench", "--logging.level.root=WARN")
			.getApplicationContext();
		try {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			System.out.printf("%nclients=%d, %ds per scenario after %ds warm-up, %d cores, Java %s%n", clients, seconds,
					warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			System.out.printf("%-40s %9s %9s %9s %9s %9s%n", "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors");
			String county = countyId(http, base, token(http, base, "admin"));
			java.time.LocalDate today = java.time.LocalDate.now(org.zhufang.shared.BureauClock.ZONE);
			for (Map.Entry<String, String> scenario : SCENARIOS.entrySet()) {
				String token = token(http, base, USERS.get(scenario.getKey()));
				String query = scenario.getValue().replace("$COUNTY", county)
					.replace("$YEAR", String.valueOf(today.getYear())).replace("$TODAY", today.toString());
				String body = "{\"query\":" + json(query) + "}";
				run(http, base, token, body, clients, warmup);
				Result result = run(http, base, token, body, clients, seconds);
				System.out.printf("%-40s %9.0f %9.1f %9.1f %9.1f %9d%n", scenario.getKey(), result.throughput(),
						result.percentile(50), result.percentile(95), result.percentile(99), result.errors());
			}
		}
		finally {
			app.close();
		}
	}

	private record Result(long[] nanos, int errors, double seconds) {

		double throughput() {
			return nanos.length / seconds;
		}

		double percentile(int p) {
			if (nanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
			return nanos[Math.max(0, index)] / 1_000_000.0;
		}
	}

	private static Result run(HttpClient http, String base, String token, String body, int clients, int seconds)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> futures = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			futures.add(pool.submit(() -> {
				List<Long> samples = new ArrayList<>();
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					samples.add(System.nanoTime() - t0);
					if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
						errors.incrementAndGet();
					}
				}
				return samples;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		long[] nanos = all.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(nanos);
		return new Result(nanos, errors.get(), elapsed);
	}

	private static String token(HttpClient http, String base, String username) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"" + username + "\",\"password\":\"zhufang-demo\"}"))
			.build();
		String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher matcher = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("Sign-in failed for " + username + ": " + body);
		}
		return matcher.group(1);
	}

	/** The demo county's id, for the queries that take an area id. */
	private static String countyId(HttpClient http, String base, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ areaByCode(code: \\\"410721\\\") { id } }\"}"))
			.build();
		String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		Matcher matcher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No demo county: " + body);
		}
		return matcher.group(1);
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
	}
}
