package io.leeward.app.cli;

import io.leeward.app.LeewardApplication;
import io.leeward.graph.store.GraphStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring context of one command: without a web server for CLI work, with one for serving. */
final class AppContext implements AutoCloseable {
    private final ConfigurableApplicationContext spring;

    private AppContext(ConfigurableApplicationContext spring) {
        this.spring = spring;
    }

    static AppContext start(GlobalOptions options, boolean web) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.log-startup-info", "false");
        if (!web) {
            defaults.put("logging.level.root", "WARN");
            defaults.put("logging.level.io.leeward", "WARN");
            // no web server, so no GraphQL: its beans would only open the store early
            defaults.put(
                    "spring.autoconfigure.exclude",
                    "io.leeward.graphql.LeewardGraphQlConfiguration,"
                            + "org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration");
        }
        List<String> args = new ArrayList<>();
        if (options.home() != null) {
            args.add("--leeward.home=" + options.home());
        }
        if (options.neo4jUri() != null) {
            args.add("--leeward.neo4j.uri=" + options.neo4jUri());
        }
        if (web && options.port() != null) {
            args.add("--server.port=" + options.port());
        }
        var spring = new SpringApplicationBuilder(LeewardApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(defaults)
                .registerShutdownHook(true)
                .run(args.toArray(String[]::new));
        return new AppContext(spring);
    }

    GraphStore store() {
        return spring.getBean(GraphStore.class);
    }

    <T> T bean(Class<T> type) {
        return spring.getBean(type);
    }

    ConfigurableApplicationContext spring() {
        return spring;
    }

    @Override
    public void close() {
        spring.close();
    }
}
