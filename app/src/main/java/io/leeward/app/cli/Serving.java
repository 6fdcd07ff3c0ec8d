package io.leeward.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/** Prints where Leeward serves and blocks until the context closes (Ctrl-C, SIGTERM). */
final class Serving {
    private Serving() {}

    static void announceAndWait(AppContext app, PrintWriter out) throws InterruptedException {
        var closed = new CountDownLatch(1);
        app.spring().addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
        int port = ((WebServerApplicationContext) app.spring()).getWebServer().getPort();
        var store = app.store().info();
        out.println("Leeward serves GraphQL on http://127.0.0.1:" + port + "/graphql");
        out.println("GraphiQL:  http://127.0.0.1:" + port + "/graphiql");
        out.println("Graph:     "
                + (store.embedded()
                        ? "embedded Neo4j (Bolt " + store.uri() + "), data in " + store.dataDirectory()
                        : store.uri()));
        out.println("Stop with Ctrl-C.");
        out.flush();
        closed.await();
    }
}
