package io.atonix.operator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Grafana dashboard model (the JSON Grafana imports), laid out as rows of time-series panels four to a row. Every
 * panel queries the data source chosen in the {@code datasource} variable and every query is filtered by the
 * {@code namespace} and {@code stack} variables, so one dashboard serves every cluster and every copy of a stack.
 */
public final class GrafanaDashboard {
    static final String DATASOURCE = "${datasource}";
    private static final int SCHEMA_VERSION = 39;
    private static final int PANEL_WIDTH = 6;
    private static final int PANEL_HEIGHT = 7;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode dashboard = JSON.objectNode();
    private final ArrayNode panels;
    private final ArrayNode variables;
    private int nextId = 1;
    private int x;
    private int y;

    public GrafanaDashboard(String uid, String title, String description) {
        dashboard.put("uid", uid);
        dashboard.put("title", title);
        dashboard.put("description", description);
        dashboard.putArray("tags").add("atonix");
        dashboard.put("timezone", "browser");
        dashboard.put("editable", true);
        dashboard.put("schemaVersion", SCHEMA_VERSION);
        dashboard.put("version", 1);
        dashboard.put("refresh", "30s");
        dashboard.putObject("time").put("from", "now-6h").put("to", "now");
        variables = dashboard.putObject("templating").putArray("list");
        panels = dashboard.putArray("panels");
        ObjectNode datasource = variables.addObject();
        datasource.put("name", "datasource");
        datasource.put("label", "Data source");
        datasource.put("type", "datasource");
        datasource.put("query", "prometheus");
        datasource.put("refresh", 1);
        datasource.put("hide", 0);
        datasource.putObject("current");
    }

    /** A variable whose values Prometheus lists: the values of {@code label} on series of {@code metric}. */
    public GrafanaDashboard labelVariable(String name, String title, String metric, String label, String defaultValue) {
        queryVariable(name, title, "label_values(" + metric + ", " + label + ")")
                .set("current", current(defaultValue));
        return this;
    }

    /**
     * A variable of several values, all of them by default, listed by {@code query} (Grafana's
     * {@code label_values(...)}); a row repeated by it shows once per value chosen.
     */
    public GrafanaDashboard multiVariable(String name, String title, String query) {
        ObjectNode variable = queryVariable(name, title, query);
        variable.put("multi", true);
        variable.put("includeAll", true);
        ObjectNode all = variable.putObject("current");
        all.putArray("text").add("All");
        all.putArray("value").add("$__all");
        return this;
    }

    /** A variable whose values the data source lists by {@code query}, refreshed with the time range. */
    private ObjectNode queryVariable(String name, String title, String query) {
        ObjectNode variable = variables.addObject();
        variable.put("name", name);
        variable.put("label", title);
        variable.put("type", "query");
        variable.set("datasource", datasource());
        variable.put("definition", query);
        variable.putObject("query").put("query", query).put("refId", "PrometheusVariableQueryEditor-VariableQuery");
        variable.put("refresh", 2);
        variable.put("sort", 1);
        variable.put("hide", 0);
        return variable;
    }

    /** A variable a person types, with a default. */
    public GrafanaDashboard textVariable(String name, String title, String defaultValue) {
        ObjectNode variable = variables.addObject();
        variable.put("name", name);
        variable.put("label", title);
        variable.put("type", "textbox");
        variable.put("query", defaultValue);
        variable.put("hide", 0);
        variable.set("current", current(defaultValue));
        variable.putArray("options").add(current(defaultValue).put("selected", true));
        return this;
    }

    /** Starts a new row of panels. */
    public GrafanaDashboard row(String title) {
        return row(title, null);
    }

    /**
     * Starts a row that Grafana repeats once per value of {@code variable}, with the panels that follow it until the
     * next row; in each copy the variable holds that one value. The row stays expanded: Grafana keeps an expanded
     * row's panels in the dashboard's own list, after the row.
     */
    public GrafanaDashboard repeatedRow(String title, String variable) {
        return row(title, variable);
    }

    private GrafanaDashboard row(String title, String repeat) {
        if (x > 0) {
            y += PANEL_HEIGHT;
            x = 0;
        }
        ObjectNode row = panels.addObject();
        row.put("id", nextId++);
        row.put("type", "row");
        row.put("title", title);
        row.put("collapsed", false);
        row.set("gridPos", gridPos(0, y, 24, 1));
        row.putArray("panels");
        if (repeat != null) {
            row.put("repeat", repeat);
        }
        y += 1;
        return this;
    }

    /** A time-series panel of one query per target, each a PromQL expression and its legend. */
    public GrafanaDashboard panel(String title, String unit, Target... targets) {
        if (x + PANEL_WIDTH > 24) {
            x = 0;
            y += PANEL_HEIGHT;
        }
        ObjectNode panel = panels.addObject();
        panel.put("id", nextId++);
        panel.put("type", "timeseries");
        panel.put("title", title);
        panel.set("datasource", datasource());
        panel.set("gridPos", gridPos(x, y, PANEL_WIDTH, PANEL_HEIGHT));
        ObjectNode fieldConfig = panel.putObject("fieldConfig");
        ObjectNode defaults = fieldConfig.putObject("defaults");
        defaults.put("unit", unit);
        defaults.putObject("custom").put("fillOpacity", 10);
        fieldConfig.putArray("overrides");
        ObjectNode options = panel.putObject("options");
        options.putObject("legend")
                .put("displayMode", "list")
                .put("placement", "bottom")
                .put("showLegend", true);
        options.putObject("tooltip").put("mode", "multi").put("sort", "none");
        ArrayNode queries = panel.putArray("targets");
        char refId = 'A';
        for (Target target : targets) {
            ObjectNode query = queries.addObject();
            query.put("refId", String.valueOf(refId++));
            query.set("datasource", datasource());
            query.put("expr", target.expr());
            query.put("legendFormat", target.legend());
            query.put("range", true);
        }
        x += PANEL_WIDTH;
        return this;
    }

    public String toJson() {
        try {
            return WRITER.writeValueAsString(dashboard);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dashboard built from JSON nodes always serializes", e);
        }
    }

    /** One query of a panel. */
    public record Target(String expr, String legend) {}

    private static ObjectNode datasource() {
        return JSON.objectNode().put("type", "prometheus").put("uid", DATASOURCE);
    }

    private static ObjectNode current(String value) {
        return JSON.objectNode().put("text", value).put("value", value);
    }

    private static ObjectNode gridPos(int x, int y, int w, int h) {
        return JSON.objectNode().put("x", x).put("y", y).put("w", w).put("h", h);
    }
}
