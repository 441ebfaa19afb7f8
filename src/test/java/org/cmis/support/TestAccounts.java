package org.cmis.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.shared.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates accounts of their own for tests that lock, reset or change them. */
@Component
public class TestAccounts {

  public static final String PASSWORD = "Test@2026pw";
  private static final AtomicInteger sequence = new AtomicInteger();

  private final AccountRepository accounts;
  private final PasswordEncoder encoder;

  public TestAccounts(AccountRepository accounts, PasswordEncoder encoder) {
    this.accounts = accounts;
    this.encoder = encoder;
  }

  /** A new enabled staff account of institute SZ with {@link #PASSWORD}. */
  public Account staff(boolean mustChangePassword) {
    String name = "t-staff-" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100000;
    Account account =
        new Account(
            0,
            LoginType.STAFF,
            Role.STAFF,
            name,
            encoder.encode(PASSWORD),
            "测试员" + sequence.get(),
            "SZ",
            null,
            null,
            name + "@example.cn",
            "13800000000",
            mustChangePassword,
            true);
    long id = accounts.insert(account);
    return accounts.findById(id).orElseThrow();
  }

  /** A unique client address, so that tests' failures are not counted together. */
  public static String address() {
    int n = sequence.incrementAndGet();
    return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
  }
}
