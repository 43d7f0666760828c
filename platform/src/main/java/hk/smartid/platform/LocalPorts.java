package hk.smartid.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, with the port's purpose named, when another program already listens there. */
final class LocalPorts {

    private LocalPorts() {
    }

    static void requireFree(int port, String purpose) {
        // SO_REUSEADDR before binding, as the servers bind: connections a just-stopped server left in TIME_WAIT
        // do not keep the port from being listened on again, only a listener does.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port), 1);
        } catch (IOException e) {
            throw new PlatformStartException("Port " + port + " (" + purpose + ") is already in use. "
                    + "Stop whatever listens there (is the platform already running? ./run.sh stop) and try again.");
        }
    }
}
