package org.partneratlas.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Explorer as a person uses it, for the browser tests: open it (anonymous or with a token entered in the
 * sign-in dialog), search, read the panel, the canvas's list view and the path sentences. Every wait is for
 * something the page shows, never a sleep.
 */
final class ExplorerPage {

	final ChromeDriver driver;

	final String base;

	final WebDriverWait wait;

	ExplorerPage(int port) {
		this.driver = Browser.driver();
		this.base = "http://127.0.0.1:" + port + "/";
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
	}

	/** Opens the page afresh, as a new visitor: no token in this tab, the given view state in the fragment. */
	ExplorerPage open(String fragment) {
		this.driver.get(this.base + "explorer/config.json");
		js("sessionStorage.clear()");
		this.driver.get(this.base + (fragment.isEmpty() ? "" : "#" + fragment));
		waitReady();
		return this;
	}

	void waitReady() {
		this.wait.until((d) -> "true".equals(js("return document.body.dataset.ready || ''")));
	}

	/** A view fragment as the page writes it. */
	static String view(String steps, String asOf, String selected) {
		StringBuilder f = new StringBuilder("steps=" + enc(steps));
		if (asOf != null) {
			f.append("&asOf=").append(asOf);
		}
		if (selected != null) {
			f.append("&sel=").append(enc(selected));
		}
		return f.toString();
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	WebElement id(String id) {
		return this.driver.findElement(By.id(id));
	}

	void signIn(String secret) {
		id("sign-in").click();
		id("token-input").sendKeys(secret);
		id("token-save").click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
	}

	/** Types into a combobox and picks the suggestion with the keyboard (down to it, Enter). */
	void pick(String inputId, String text, String expectedId) {
		WebElement input = id(inputId);
		String list = input.getAttribute("aria-controls");
		js("delete document.getElementById(arguments[0]).dataset.for", list);
		input.clear();
		input.sendKeys(text);
		this.wait.until((d) -> text.strip().equals(js("return document.getElementById(arguments[0]).dataset.for", list))
				&& !d.findElements(By.cssSelector("#" + list + " li[data-id='" + expectedId + "']")).isEmpty());
		// the options are read in one script: typing re-renders them, so element references go stale
		@SuppressWarnings("unchecked")
		List<String> options = (List<String>) js(
				"return [...document.querySelectorAll('#' + arguments[0] + ' li[data-id]')].map(o => o.dataset.id)", list);
		int at = options.indexOf(expectedId);
		for (int i = 0; i < at; i++) {
			input.sendKeys(Keys.ARROW_DOWN);
		}
		this.wait.until((d) -> expectedId.equals(js(
				"const a = document.getElementById(arguments[0]).getAttribute('aria-activedescendant'); return a && document.getElementById(a).dataset.id",
				inputId)));
		input.sendKeys(Keys.ENTER);
	}

	/** Names of the nodes on the canvas, from the list view (what a screen reader reads). */
	@SuppressWarnings("unchecked")
	List<String> canvasNodeIds() {
		// read in one script: the list is re-rendered with every change, so element references go stale
		return (List<String>) js("return [...document.querySelectorAll('#list-nodes button[data-id]')].map(b => b.dataset.id)");
	}

	/** The text of every element a selector finds, visible or not (the list view may be folded). */
	@SuppressWarnings("unchecked")
	List<String> texts(String css) {
		return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())", css);
	}

	@SuppressWarnings("unchecked")
	List<String> cyNodeIds() {
		return (List<String>) js("return (window.explorerCy ? window.explorerCy.nodes().map(n => n.id()) : [])");
	}

	void waitDrawn(int count) {
		this.wait.until((d) -> {
			Object drawn = js("return document.body.dataset.drawn || ''");
			return drawn.toString().endsWith(":" + count);
		});
	}

	int drawnCount() {
		Object drawn = js("return document.body.dataset.drawn || ''");
		String s = drawn.toString();
		return s.isEmpty() ? 0 : Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
	}

	String profileTitle() {
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-title")));
		return texts("#profile-title").get(0);
	}

	String fragment() {
		String url = this.driver.getCurrentUrl();
		return url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
	}

	Map<String, Object> state() {
		@SuppressWarnings("unchecked")
		Map<String, Object> s = (Map<String, Object>) js("return { url: location.href, token: sessionStorage.getItem('atlas.token') }");
		return s;
	}

}
