package org.partneratlas.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.Record;

import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.NeighbourhoodWalk;
import org.partneratlas.graph.PathSearch;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;

import org.springframework.stereotype.Component;

/**
 * Exports what a caller may see. Every read is one of the query files and takes the caller's grants, as every API
 * read does: a neighbourhood and a path are answered by the very statements of the API's {@code neighbourhood} and
 * {@code paths} (so an export holds what the API answers, limits included), a view and the whole graph by the
 * export's own.
 * <p>
 * Nothing is written before everything the file's head needs is known: the highest marking (which names the file),
 * the typed attribute keys, and the cited sources. A bounded answer (a neighbourhood of at most 500 nodes, ten paths,
 * a view of at most 2,000 nodes) is read whole first; the whole graph is summarised by one aggregate statement over
 * nodes and one over relationships, then streamed row by row into the writer, so memory does not grow with the graph.
 */
@Component
public class Exports {

	private final GraphReads reads;

	private final Duration timeout;

	public Exports(GraphReads reads, ExportProperties properties) {
		this.reads = reads;
		this.timeout = properties.transactionTimeout();
	}

	/** An export ready to write: its head, and what feeds its items. */
	record Prepared(ExportHeader header, String fileName, Feed feed, AutoCloseable reads) implements AutoCloseable {

		Prepared(ExportHeader header, String fileName, Feed feed) {
			this(header, fileName, feed, () -> {
			});
		}

		/** The file name for a format, stamped with the marking. */
		String fileName(ExportFormat format) {
			return this.fileName + "." + format.extension();
		}

		/** Ends the read transaction a whole-graph export holds open from its summary to its last item. */
		@Override
		public void close() {
			try {
				this.reads.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not close the export's read transaction", ex);
			}
		}

	}

	/** What writes the items into a sink. */
	interface Feed {

		void into(GraphSink sink) throws IOException;

	}

	/**
	 * Reads what the head of the file needs and checks that the request can be answered; throws
	 * {@link BadRequestException} for ids of a view the caller may not see, {@link NotFoundException} for a
	 * neighbourhood or path around a node the caller may not see (as the API answers null for both).
	 */
	Prepared prepare(ExportRequest request, Visibility visibility) {
		Prepared prepared = switch (request) {
			case ExportRequest.All all -> all(visibility);
			case ExportRequest.Neighbourhood n -> neighbourhood(n, visibility);
			case ExportRequest.Path p -> path(p, visibility);
			case ExportRequest.View v -> view(v, visibility);
		};
		return prepared;
	}

	/** Writes a prepared export in a format. */
	void write(Prepared prepared, ExportFormat format, OutputStream out) throws IOException {
		try (prepared) {
			GraphSink sink = format.sink(out, prepared.fileName());
			sink.begin(prepared.header());
			prepared.feed().into(sink);
			sink.end();
		}
	}

	// ---- bounded answers: read whole, then written

	private Prepared neighbourhood(ExportRequest.Neighbourhood n, Visibility visibility) {
		// As the API asks it, with its work bound
		Map<String, Object> parameters = NeighbourhoodWalk.parameters(n.id(), n.depth(), n.labels(), n.types(),
				n.limit(), null, NeighbourhoodWalk.LEVEL_BUDGET);
		Record answer = this.reads.one("connections/neighbourhood", visibility, parameters, (r) -> r)
			.orElseThrow(() -> new NotFoundException("no node '" + n.id() + "'"));
		List<Entity> nodes = answer.get("nodes").asList(Entity::of);
		List<Edge> edges = answer.get("edges").asList(Edge::of);
		int omittedNodes = answer.get("omittedNodes").asInt();
		int omittedEdges = answer.get("omittedEdges").asInt();
		boolean exact = answer.get("omittedNodesExact").asBoolean();
		String cut = (omittedNodes > 0 || omittedEdges > 0 || !exact) ? " The limit left out "
				+ (exact ? "" : "at least ") + omittedNodes + " reachable nodes and " + omittedEdges
				+ " edges: ask for a higher limit or a smaller depth." : "";
		return bounded(n, n.describe() + "; " + nodes.size() + " nodes, " + edges.size() + " edges." + cut, nodes,
				edges, visibility);
	}

	private Prepared path(ExportRequest.Path p, Visibility visibility) {
		List<Entity> ends = this.reads.nodes(List.of(p.from(), p.to()), visibility);
		for (int i = 0; i < 2; i++) {
			if (ends.get(i) == null) {
				throw new NotFoundException("no node '" + ((i == 0) ? p.from() : p.to()) + "'");
			}
		}
		Map<String, Object> parameters = PathSearch.parameters(p.from(), p.to(), p.k(), null, null, null, null, null,
				null);
		Map<String, Entity> nodes = new LinkedHashMap<>();
		Map<String, Edge> edges = new LinkedHashMap<>();
		// The API's bounded search (ConnectionQueries): an export of a path answer holds what the API answers.
		PathSearch.Answer answer = new PathSearch(this.reads).search(parameters, p.k(), p.maxHops(), visibility,
				PathSearch.DEFAULT_BUDGET);
		List<Record> paths = answer.paths();
		for (Record path : paths) {
			path.get("nodes").asList(Entity::of).forEach((e) -> nodes.putIfAbsent(e.id(), e));
			path.get("edges").asList(Edge::of).forEach((e) -> edges.putIfAbsent(e.id(), e));
		}
		String cut = answer.cut() ? " The search stopped at its work budget (" + answer.examined()
				+ " relationships examined): more paths, or a path at all, may exist." : "";
		String found = (paths.isEmpty()
				? (answer.cut() ? "; no path found between " + p.from() + " and " + p.to()
						: "; no path of at most " + p.maxHops() + " relationships between " + p.from() + " and "
								+ p.to())
						+ ", so the file holds no node."
				: "; " + paths.size() + " paths, " + nodes.size() + " nodes, " + edges.size() + " edges.") + cut;
		return bounded(p, p.describe() + found, List.copyOf(nodes.values()), List.copyOf(edges.values()), visibility);
	}

	private Prepared view(ExportRequest.View v, Visibility visibility) {
		Record answer = this.reads.one("export/view", visibility, Map.of("ids", v.ids()), (r) -> r).orElseThrow();
		List<Entity> nodes = answer.get("nodes").asList(Entity::of);
		List<Edge> edges = answer.get("edges").asList(Edge::of);
		Set<String> found = new java.util.HashSet<>(nodes.stream().map(Entity::id).toList());
		List<String> unknown = v.ids().stream().filter((id) -> !found.contains(id)).toList();
		if (!unknown.isEmpty()) {
			throw new BadRequestException("unknown node id" + ((unknown.size() > 1) ? "s " : " ")
					+ unknown.stream().limit(20).map(ExportRequest::abbreviate).toList()
					+ ((unknown.size() > 20) ? " and " + (unknown.size() - 20) + " more" : "") + " in 'ids'");
		}
		return bounded(v, v.describe() + "; " + nodes.size() + " nodes, " + edges.size() + " edges.", nodes, edges,
				visibility);
	}

	private Prepared bounded(ExportRequest request, String description, List<Entity> nodes, List<Edge> edges,
			Visibility visibility) {
		List<ExportItem> nodeItems = nodes.stream().map(ExportItem::of).toList();
		List<ExportItem> edgeItems = edges.stream().sorted(java.util.Comparator.comparing(Edge::id))
			.map(ExportItem::of).toList();
		Map<String, AttributeType> nodeKeys = keys(ExportItem.NODE_FIRST);
		Map<String, AttributeType> edgeKeys = keys(ExportItem.EDGE_FIRST);
		Set<String> cited = new TreeSet<>();
		int level = Tlp.CLEAR.level();
		for (ExportItem item : nodeItems) {
			AttributeType.observe(nodeKeys, item.attributes());
			cited.addAll(item.citedSources());
			level = Math.max(level, item.tlp().level());
		}
		for (ExportItem item : edgeItems) {
			AttributeType.observe(edgeKeys, item.attributes());
			cited.addAll(item.citedSources());
			level = Math.max(level, item.tlp().level());
		}
		List<ExportItem> sources = sources(cited, visibility);
		for (ExportItem source : sources) {
			level = Math.max(level, source.tlp().level());
		}
		ExportHeader header = new ExportHeader(Tlp.ofLevel(level), description, now(), nodeKeys, edgeKeys, sources);
		return new Prepared(header, baseName(request, header), (sink) -> {
			for (ExportItem node : nodeItems) {
				sink.node(node);
			}
			for (ExportItem edge : edgeItems) {
				sink.edge(edge);
			}
		});
	}

	// ---- the whole graph: summarised, then streamed

	/**
	 * The whole graph, in one read transaction from the summary to the last relationship. Neo4j reads at
	 * read-committed isolation, so even in one transaction a relationship committed after the nodes were read (to a
	 * node created since) would reach the relationship statement: the feed keeps the ids of the nodes it wrote (ordered
	 * by id, so a sorted array: about 60 bytes a node, the only state that grows with the graph) and leaves out every
	 * relationship whose ends are not both in the file.
	 */
	private Prepared all(Visibility visibility) {
		GraphReads.ReadTransaction tx = this.reads.readTransaction(this.timeout);
		try {
			Map<String, AttributeType> nodeKeys = keys(ExportItem.NODE_FIRST);
			Map<String, AttributeType> edgeKeys = keys(ExportItem.EDGE_FIRST);
			Set<String> cited = new TreeSet<>();
			int[] level = { Tlp.CLEAR.level() };
			summarise(tx, "export/all-summary-nodes", visibility, nodeKeys, cited, level);
			summarise(tx, "export/all-summary-edges", visibility, edgeKeys, cited, level);
			List<ExportItem> sources = sources(cited, visibility);
			for (ExportItem source : sources) {
				level[0] = Math.max(level[0], source.tlp().level());
			}
			ExportRequest.All request = new ExportRequest.All();
			ExportHeader header = new ExportHeader(Tlp.ofLevel(level[0]), request.describe(), now(), nodeKeys, edgeKeys,
					sources);
			Map<String, Object> ceiling = Map.of("ceiling", level[0]);
			return new Prepared(header, baseName(request, header), (sink) -> {
				WrittenIds written = new WrittenIds();
				try {
					tx.forEach("export/all-nodes", visibility, ceiling, (r) -> {
						ExportItem node = conform(ExportItem.of(Entity.of(r.get("node"))), nodeKeys);
						written.add(node.id());
						write(() -> sink.node(node));
					});
					tx.forEach("export/all-edges", visibility, ceiling, (r) -> {
						ExportItem edge = conform(ExportItem.of(Edge.of(r.get("edge"))), edgeKeys);
						if (written.contains(edge.from()) && written.contains(edge.to())) {
							write(() -> sink.edge(edge));
						}
					});
				}
				catch (UncheckedIOException ex) {
					throw ex.getCause();
				}
			}, tx);
		}
		catch (RuntimeException ex) {
			tx.close();
			throw ex;
		}
	}

	/** The ids of the nodes a whole-graph export wrote, which arrive in order: binary search on a growing array. */
	static final class WrittenIds {

		private String[] ids = new String[1024];

		private int size;

		private boolean sorted = true;

		void add(String id) {
			if (this.size == this.ids.length) {
				this.ids = java.util.Arrays.copyOf(this.ids, this.size * 2);
			}
			if (this.size > 0 && this.ids[this.size - 1].compareTo(id) >= 0) {
				this.sorted = false;
			}
			this.ids[this.size++] = id;
		}

		boolean contains(String id) {
			if (!this.sorted) {
				java.util.Arrays.sort(this.ids, 0, this.size);
				this.sorted = true;
			}
			return java.util.Arrays.binarySearch(this.ids, 0, this.size, id) >= 0;
		}

	}

	private void summarise(GraphReads.ReadTransaction tx, String query, Visibility visibility,
			Map<String, AttributeType> keys, Set<String> cited, int[] level) {
		Map<String, AttributeType> found = new HashMap<>();
		tx.forEach(query, visibility, Map.of(), (r) -> {
			level[0] = Math.max(level[0], r.get("level").isNull() ? 0 : r.get("level").asInt());
			String name = r.get("name").asString();
			if ("cites".equals(r.get("fact").asString())) {
				cited.add(name);
			}
			else {
				found.merge(name, AttributeType.ofCypher(r.get("type").asString()), AttributeType::and);
			}
		});
		// The keys an item shows, in the order items write them: the fixed ones, then the stored ones by name.
		new TreeSet<>(found.keySet()).stream()
			.filter((k) -> !org.partneratlas.graph.GraphItem.INTERNAL.contains(k) && !keys.containsKey(k))
			.forEach((k) -> keys.put(k, found.get(k)));
	}

	/**
	 * An item as the head declared its keys: a key the head does not know, or a value of another type than declared
	 * (the graph changed between summary and stream), is left out rather than written against its declaration.
	 */
	static ExportItem conform(ExportItem item, Map<String, AttributeType> keys) {
		Map<String, Object> kept = new LinkedHashMap<>();
		item.attributes().forEach((key, value) -> {
			AttributeType declared = keys.get(key);
			if (declared != null && (declared == AttributeType.STRING || declared == AttributeType.of(value))) {
				kept.put(key, value);
			}
		});
		return new ExportItem(item.id(), item.from(), item.to(), item.name(), item.tlp(), kept, item.spellStart(),
				item.spellEnd());
	}

	// ---- shared

	/** The fixed keys every item has, with their types. */
	private static Map<String, AttributeType> keys(List<String> first) {
		Map<String, AttributeType> keys = new LinkedHashMap<>();
		first.forEach((k) -> keys.put(k, "version".equals(k) ? AttributeType.LONG : AttributeType.STRING));
		return keys;
	}

	/** The cited source documents the caller may see, as items. */
	private List<ExportItem> sources(Set<String> cited, Visibility visibility) {
		if (cited.isEmpty()) {
			return List.of();
		}
		return this.reads.nodes(new ArrayList<>(cited), visibility)
			.stream()
			.filter(Objects::nonNull)
			.map(ExportItem::of)
			.toList();
	}

	private static String baseName(ExportRequest request, ExportHeader header) {
		return "partner-atlas-" + request.fileName() + "-TLP-" + header.marking().marking();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
	}

	private static void write(IoWork work) {
		try {
			work.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private interface IoWork {

		void run() throws IOException;

	}

	/** The node a neighbourhood or path is asked around is unknown, or the caller may not see it. */
	static class NotFoundException extends RuntimeException {

		NotFoundException(String message) {
			super(message);
		}

	}

}
