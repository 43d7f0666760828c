package hk.smartid.platform;

import hk.smartid.idp.enrolment.EnrolmentRequest;
import hk.smartid.idp.hkid.HkidNumber;

import java.time.LocalDate;
import java.util.List;

/**
 * The {@code index}-th resident of a synthetic population, always the same for the same index, so that a seeding run
 * resumed or repeated sends the same residents: an HKID number of its own ({@code XA000000} onwards, with its check
 * digit; the tests' random numbers never start with X), a mobile number of its own
 * ({@code 4xxxxxxx} onwards), English and Chinese names from common Hong Kong ones, a birthdate between 1935 and 2008,
 * a gender, an address and a preferred language.
 */
public final class SyntheticResident {

    /** Residents per HKID letter pair (six digits). */
    private static final int PER_PREFIX = 1_000_000;
    /** Residents per leading digit of the mobile number (seven digits after it). */
    private static final int PER_MOBILE_DIGIT = 10_000_000;
    /** As many as two letters X? and mobile numbers 4 to 9 give. */
    public static final int MAX = 26 * PER_PREFIX;

    private record Surname(String english, String chinese) {
    }

    private record GivenName(String english, String chinese, String gender) {
    }

    private static final List<Surname> SURNAMES = List.of(new Surname("CHAN", "陳"), new Surname("WONG", "黃"),
            new Surname("LEE", "李"), new Surname("CHEUNG", "張"), new Surname("LAU", "劉"), new Surname("HO", "何"),
            new Surname("LEUNG", "梁"), new Surname("LAM", "林"), new Surname("TSANG", "曾"), new Surname("NG", "吳"),
            new Surname("CHOW", "周"), new Surname("YEUNG", "楊"), new Surname("CHU", "朱"), new Surname("MA", "馬"),
            new Surname("KWOK", "郭"), new Surname("TANG", "鄧"), new Surname("LO", "盧"), new Surname("FUNG", "馮"),
            new Surname("TSE", "謝"), new Surname("YIP", "葉"));
    private static final List<GivenName> GIVEN_NAMES = List.of(new GivenName("Tai Man", "大文", "M"),
            new GivenName("Siu Ming", "小明", "M"), new GivenName("Ka Yan", "嘉欣", "F"), new GivenName("Wing Yee", "詠儀", "F"),
            new GivenName("Chi Keung", "志強", "M"), new GivenName("Mei Ling", "美玲", "F"), new GivenName("Ka Ho", "家豪", "M"),
            new GivenName("Hoi Yan", "凱欣", "F"), new GivenName("Chun Kit", "俊傑", "M"), new GivenName("Pui Shan", "佩珊", "F"),
            new GivenName("Wai Lun", "偉倫", "M"), new GivenName("Suet Ying", "雪瑩", "F"), new GivenName("Kwok Wai", "國偉", "M"),
            new GivenName("Yuk Lan", "玉蘭", "F"), new GivenName("Tsz Hin", "子軒", "M"), new GivenName("Hiu Tung", "曉彤", "F"),
            new GivenName("Sai Kit", "世傑", "X"));
    private static final List<String> STREETS = List.of("Nathan Road, Mong Kok", "King's Road, North Point",
            "Castle Peak Road, Tsuen Wan", "Sha Tin Centre Street, Sha Tin", "Hennessy Road, Wan Chai",
            "Tai Po Road, Sham Shui Po", "Tuen Mun Heung Sze Wui Road, Tuen Mun", "Po Lam Road North, Tseung Kwan O",
            "Chai Wan Road, Chai Wan", "Tung Chung Waterfront Road, Tung Chung");
    private static final List<String> LANGUAGES = List.of("zh-HK", "en", "zh-CN");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1935, 1, 1);
    private static final int BIRTH_DAYS = 26_000;

    private SyntheticResident() {
    }

    /** The {@code index}-th resident, {@code 0 <= index < MAX}, as counter staff would enter them. */
    public static EnrolmentRequest of(int index) {
        if (index < 0 || index >= MAX) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (MAX - 1));
        }
        // Spread the names, dates and addresses so neighbouring residents differ (Knuth's multiplicative hash).
        long mixed = (index * 2_654_435_761L) & 0xffff_ffffL;
        Surname surname = SURNAMES.get((int) (mixed % SURNAMES.size()));
        GivenName given = GIVEN_NAMES.get((int) (mixed / SURNAMES.size() % GIVEN_NAMES.size()));
        LocalDate birth = EARLIEST_BIRTH.plusDays(mixed / 7 % BIRTH_DAYS);
        String address = "Flat %c, %d/F, %d %s".formatted((char) ('A' + mixed % 8), 1 + mixed / 8 % 40,
                1 + mixed / 320 % 300, STREETS.get((int) (mixed / 96_000 % STREETS.size())));
        return new EnrolmentRequest(hkid(index), surname.english(), given.english(), surname.chinese() + given.chinese(),
                birth.toString(), given.gender(), address, mobile(index), null,
                LANGUAGES.get((int) (mixed / 11 % LANGUAGES.size())));
    }

    /** The {@code index}-th resident's HKID number, e.g. {@code XA000042(3)}. */
    public static String hkid(int index) {
        String stem = "X" + (char) ('A' + index / PER_PREFIX) + "%06d".formatted(index % PER_PREFIX);
        return "0123456789A".chars().mapToObj(c -> stem + "(" + (char) c + ")")
                .filter(HkidNumber::isValid).findFirst().orElseThrow();
    }

    private static String mobile(int index) {
        return (char) ('4' + index / PER_MOBILE_DIGIT) + "%07d".formatted(index % PER_MOBILE_DIGIT);
    }
}
