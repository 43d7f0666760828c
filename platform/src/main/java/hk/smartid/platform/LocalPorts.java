package hk.smartid.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails early, with the port's purpose named, when another program already listens there. */
final class LocalPorts {

    private LocalPorts() {
    }

    static void requireFree(int port, String purpose) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PlatformStartException("Port " + port + " (" + purpose + ") is already in use. "
                    + "Stop whatever listens there (is the platform already running? ./run.sh stop) and try again.");
        }
    }
}
