package hk.smartid.bank;

import com.sun.net.httpserver.HttpServer;
import hk.smartid.bank.keys.BankKeys;
import hk.smartid.bank.payments.BillPayment;
import hk.smartid.bank.smartid.AccountOpeningPurpose;
import hk.smartid.bank.smartid.SmartIdClient;
import hk.smartid.bank.web.BankPages;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A bank that opens accounts with SmartID (Banking Made Easy). Settings: see {@link BankSettings}. */
public final class SampleBank {

    private SampleBank() {
    }

    public static void main(String[] args) throws IOException {
        BankSettings settings;
        try {
            settings = BankSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + BankSettings.USAGE);
            System.exit(2);
            return;
        }
        BankKeys keys = BankKeys.inDirectory(settings.keyDirectory());
        SmartIdClient smartId = new SmartIdClient(settings, keys, AccountOpeningPurpose.fromRegistration());
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        BillPayment billPayment = settings.paymentSecret() == null ? null
                : new BillPayment(settings.portalUrl(), settings.paymentSecret());
        server.createContext("/", new BankPages(smartId, keys, billPayment));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("Sample bank at " + settings.publicBaseUrl() + "/ (SmartID " + settings.issuer()
                + ", client " + settings.clientId() + ", keys in " + settings.keyDirectory().toAbsolutePath() + "; "
                + (billPayment == null ? "pays no bills: no BANK_PAYMENT_SECRET" : "pays bills at " + settings.portalUrl())
                + ")");
    }
}
