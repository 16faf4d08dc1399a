package org.partneratlas.explorer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium for every browser test of the JVM (started on first use, quit at exit): Debian's
 * {@code chromium} and {@code chromium-driver}, never a download (Selenium Manager cannot reach the internet here).
 * Without them the browser tests skip with one line saying how to enable them; with
 * {@code -Datlas.browser.required=true} (set by {@code .ci/run}) a missing browser fails them instead. A failed test
 * leaves a screenshot and the page's HTML under {@code target/browser-failures/}.
 */
final class Browser implements ExecutionCondition, TestWatcher {

	static final Path BINARY = Path.of(System.getProperty("atlas.browser.binary", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("atlas.browser.driver", "/usr/bin/chromedriver"));

	static final boolean REQUIRED = Boolean.getBoolean("atlas.browser.required");

	static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

	private static ChromeDriver driver;

	private static boolean told;

	static String missing() {
		if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
			return null;
		}
		return "Browser tests need Chromium and its driver (" + BINARY + ", " + DRIVER
				+ "): install them with 'apt-get install chromium chromium-driver' (or point -Datlas.browser.binary and "
				+ "-Datlas.browser.driver at them); -Datlas.browser.required=true makes their absence fail the build";
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		if (missing == null || REQUIRED) {
			return ConditionEvaluationResult.enabled("browser present or required");
		}
		synchronized (Browser.class) {
			if (!told) {
				System.out.println("[browser tests skipped] " + missing);
				told = true;
			}
		}
		return ConditionEvaluationResult.disabled(missing);
	}

	static synchronized ChromeDriver driver() {
		String missing = missing();
		if (missing != null) {
			throw new AssertionError(missing);
		}
		if (driver == null) {
			try {
				Files.createDirectories(DOWNLOADS);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BINARY.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900",
					"--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-GB");
			options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
					"download.prompt_for_download", false));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
			ChromeDriver started = driver;
			Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
		}
		return driver;
	}

	/** Accessibility on the current screen: no serious or critical axe-core violation (WCAG 2.1 A and AA rules). */
	static void assertAccessible(String screen) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver());
		List<Rule> bad = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(bad).as(() -> screen + ": " + bad.stream()
			.map((rule) -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((n) -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "))).isEmpty();
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (driver == null) {
			return;
		}
		try {
			Path dir = Path.of("target", "browser-failures");
			Files.createDirectories(dir);
			String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
			System.out.println("[browser test failed] screenshot: " + dir.resolve(name + ".png").toAbsolutePath());
		}
		catch (IOException | RuntimeException ex) {
			System.out.println("[browser test failed] no screenshot: " + ex);
		}
	}

}
