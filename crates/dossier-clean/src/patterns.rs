//! Context-free patterns of page chrome: each recognises a kind of line that is never
//! article text wherever it stands (share buttons, copyright, cookie banners, …).

use std::{cell::OnceCell, sync::LazyLock};

use dossier_core::RemovalReason;
use regex::Regex;

use crate::{dates, features};

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

/// Language names as a language switcher writes them: autonyms, and the English names
/// of the languages most often offered.
const LANGUAGE_NAMES: &[&str] = &[
    "english",
    "français",
    "francais",
    "deutsch",
    "español",
    "espanol",
    "italiano",
    "português",
    "portugues",
    "nederlands",
    "polski",
    "русский",
    "українська",
    "беларуская",
    "български",
    "српски",
    "hrvatski",
    "čeština",
    "slovenčina",
    "magyar",
    "română",
    "ελληνικά",
    "türkçe",
    "azərbaycan",
    "azərbaycanca",
    "oʻzbekcha",
    "o'zbekcha",
    "o‘zbekcha",
    "ўзбекча",
    "o'zbek",
    "тоҷикӣ",
    "тоджикӣ",
    "қазақша",
    "қазақ тілі",
    "кыргызча",
    "türkmençe",
    "հայերեն",
    "ქართული",
    "العربية",
    "عربي",
    "فارسی",
    "فارسي",
    "دری",
    "دري",
    "پښتو",
    "اردو",
    "کوردی",
    "עברית",
    "हिन्दी",
    "বাংলা",
    "中文",
    "简体中文",
    "繁體中文",
    "日本語",
    "한국어",
    "tiếng việt",
    "ไทย",
    "bahasa indonesia",
    "bahasa melayu",
    "svenska",
    "norsk",
    "dansk",
    "suomi",
    "kiswahili",
    "soomaali",
    "hausa",
    "filipino",
    "монгол",
    // English names
    "french",
    "german",
    "spanish",
    "russian",
    "arabic",
    "persian",
    "farsi",
    "dari",
    "pashto",
    "pashtu",
    "urdu",
    "chinese",
    "turkish",
    "uzbek",
    "tajik",
    "kazakh",
    "kyrgyz",
    "turkmen",
    "ukrainian",
    "japanese",
    "korean",
    "portuguese",
    "italian",
    "hindi",
];

/// Words that make a short title-case line an outlet's name.
pub(crate) const NEWS_WORDS: &[&str] = &[
    "press",
    "news",
    "times",
    "post",
    "agency",
    "daily",
    "tribune",
    "herald",
    "journal",
    "media",
    "tv",
    "radio",
    "gazette",
    "telegraph",
    "observer",
    "review",
    "chronicle",
    "monitor",
    "express",
    "reporter",
    "wire",
    "network",
    "broadcasting",
    "newspaper",
    "magazine",
    "weekly",
    "today",
    "insider",
    "dispatch",
    "standard",
    "guardian",
];

/// Social networks and messengers as share/follow widgets name them.
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "telegram",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "tiktok",
    "vk",
    "vkontakte",
    "threads",
    "bluesky",
    "mastodon",
    "email",
    "e-mail",
    "print",
    "messenger",
    "viber",
    "tumblr",
    "flipboard",
    "rss",
    "copy",
    "link",
    "ok",
    "odnoklassniki",
    "snapchat",
    "skype",
    "line",
    "wechat",
    "weibo",
    "google",
];

/// Button words next to a social network: "Facebook Like", "Youtube Subscribe".
const SOCIAL_ACTIONS: &[&str] = &[
    "like",
    "likes",
    "follow",
    "followers",
    "subscribe",
    "subscribers",
    "share",
    "shares",
    "tweet",
    "pin",
    "fans",
    "send",
    "us",
    "on",
    "via",
    "this",
    "article",
    "post",
    "story",
    "page",
    "join",
    "channel",
    "our",
    "members",
];

static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(share( this| (this|the) (article|story|post|page))?( on \w+)?|shares?\s*\d+|\d+\s*shares?|(click )?(here )?to share( this)?( on| via)? .{0,30}|like this|like loading( …|\.\.\.)?|shares?|sharing is caring!?|tweet( this)?|pin( it)?|print( this( article| page)?)?|email( this( article)?)?|follow( us)?( on .{1,20})?|like us on .{1,20}|copy (the )?link|link copied!?|share via .{1,20}|click to share on .{1,30}|opens in (a )?new window|поделиться|подписывайтесь( на нас)?.{0,30})[.!:]?$",
    )
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(^(©|\(c\)|copyright\b)|all rights reserved|все права защищены|تمامی حقوق|جميع الحقوق|حقوق محفوظ)",
    )
});
static SYNDICATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(the post .+ appeared first on .+|this (article|story|post|piece) (was |is )?(originally |first )?(published|appeared|posted|republished) (on|in|by|at|with) .+|originally published (on|in|at|by) .+|(source|via|read more at|read the original|read the full (story|article)( at| on)?|republished from|from)\s*:.{0,60}|(first )?published (on|in|at) .{1,60} on .{1,40})$",
    )
});
static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(\bcookies?\b.*\b(use|uses|using|accept|consent|policy|settings|preferences|experience|browsing|agree|continue)\b|\b(use|uses|using|accept|consent|policy|settings|preferences|experience|browsing|agree)\b.*\bcookies?\b|^(accept( all)?( cookies)?|reject( all)?|decline( all)?|allow all|manage (cookies|preferences|consent|options)|cookie (settings|policy|preferences)|privacy (settings|preferences)|i agree|i accept|got it!?|agree and close|we value your privacy)[.!]?$)",
    )
});
static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(newsletter|\bsign up (now |today )?(for|to) (our|the|free)\b|^sign up (here|now|today)[.!]?$|\bin your inbox\b|enter your e-?mail|subscribe to (our|the) (mailing|email|e-mail)|get (the latest|our|breaking) .{0,40} (delivered|straight|direct))",
    )
});
static ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(sign ?in|log ?in|log ?out|sign ?up|sign out|register|my account|account|profile|create (an |your )?account|sign in to your account|log into your account|lost your password\??|forgot (your )?password\??|reset (your )?password|password recovery|recover your password|welcome back!?|remember me|username|password|(added to|removed from|add to|save to) (your |my )?reading list|reading list|undo|bookmarks?|bookmarked|saved( articles| stories)?|save( article| story)?|my (saved|bookmarks|feed|news)|already (have an account|a subscriber)\??.*|don'?’?t have an account\??.*|not a member\??.*|(a )?password will be (e-mailed|emailed|sent) to you\.?|get help)[.!:]?$",
    )
});
/// Headings that open the comments section.
static REPLY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(leave a (reply|comment|response)( cancel reply)?|\d+\s+(comments?|responses?|replies)|(no|show|view|hide|load more|all) comments?( yet)?|comments?( \(\d+\))?|join the (discussion|conversation)|be the first to comment!?|what do you think\??|\d+ thoughts? on .+|комментарии( \(\d+\))?|оставить комментарий)[.!:]?$",
    )
});
/// The comment form and the comments' own furniture.
static REPLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(cancel reply|post (a )?comment|submit( comment)?|reply|add (a |your )?comment|you must be (logged|signed) in to post a comment\.?|your email address will not be published\.?.*|required fields are marked.*|comment\s*\*?|name\s*\*?|e-?mail\s*\*?|website|save my name, email, and website in this browser for the next time i comment\.?|ответить|\S+( \S+){0,2} says:)[.!:]?$",
    )
});
static AD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(([-–—_·•|\s]*(advertisement|advertisements|advertising|adverts?|ads?|sponsored( content| post| links?)?|promoted( content)?|paid (content|post|partnership)|partner content|story continues below( advertisement)?|continue reading below|scroll to continue( with content| reading)?))+[-–—_·•|\s]*|(ad\s*image)+|реклама|(digital|print|online|premium) (newspaper |edition |news )?subscription|subscribe( now| today| here)?[.!]?|subscribe (now|today) .{0,40}|support (our|independent) journalism.{0,60}|become a (member|subscriber|patron).{0,40}|donate( now| today)?|get unlimited access.{0,100}|(start|try) your free trial.{0,30}|unlock (this|all) .{0,30})$",
    )
});
/// A byline without "By": a desk or staff credit ("Guardian staff and agencies", "Staff
/// Reporter", "News Desk").
static AUTHOR_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((\S+\s+){0,2}(staff|desk|bureau)(\s+and\s+agencies|\s+(reporter|writer|correspondent)s?)?|(and )?agencies|(our |staff |special |foreign )?(correspondent|reporter|writer)|(news|web|online|editorial|foreign|city) (desk|team|staff|board))$",
    )
});
static LOREM: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\blorem ipsum\b"));
/// Paywall teasers and metering notices: "Subscribe to continue reading", "You have
/// reached your limit of free articles".
static PAYWALL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(subscribe (now )?to (continue|keep) reading.*|(to )?continue reading,? (please )?(subscribe|sign in|log in|register).*|you have reached (your|the) (limit|maximum|end) of (your )?free (articles|stories|reads).*|you('ve| have) (\d+|one|two|three|no) (more )?free (articles?|stories) (left|remaining).*|this (article|story|content) is (only )?(available |reserved )?(for|to) (subscribers|members|premium).*|(for )?subscribers only.*|premium (article|content|story)|cancel any ?time\.?|get (unlimited|full|instant) (digital )?access\b.*|already (a )?(subscriber|member)\??.*)$",
    )
});
/// Reading and listening time: "3 min read", "Reading time: 4 minutes", "Listen to this
/// article".
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(((estimated )?(reading|read|listening) time\s*:?\s*)?(about |approx\.? |~)?\d+\s*-?\s*(min|mins|minutes?|m)\.?(\s+(read|reading|listen|watch))?|listen to (this|the) (article|story)(\s*\d+\s*(min|mins|minutes?))?|listen|audio|play)$",
    )
});
/// A relative publication time: "2 hours ago", "Updated 3 days ago", "Just now".
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((published|posted|updated|last updated)\s*:?\s*)?((about |around |over |nearly |almost )?(\d+|an?|one|two|three|few|several)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?)\s+ago|just now|yesterday)$",
    )
});
/// Story credits that close an article: "Reporting by … ; Editing by …", "Associated
/// Press writer X contributed to this report.", "With reporting from …".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((additional )?(reporting|writing|editing|research|compiled|produced|translated|graphics)( and [a-z]+)? by\b.*|.{0,100}\bcontributed (to )?(this|the) (report|story|article|reporting)\.?|(with )?(additional )?reporting (from|by) .{1,100})$",
    )
});
/// A horizontal rule: "___", "———", "* * *".
static RULE: LazyLock<Regex> = LazyLock::new(|| re(r"^([_=~*#·•—–-]\s?){3,}$"));
/// The heading of a summary box at the top of an article: "Key points:", "At a glance".
static SUMMARY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(key (points|takeaways|facts)|takeaways|at a glance|in brief|in short|(story )?highlights|what we know( so far)?|the big picture|summary|quick read|main points|tl;? ?dr)\s*:?$",
    )
});

/// True for the heading of a summary box that belongs to the article ("Key points:").
pub(crate) fn is_summary_heading(text: &str) -> bool {
    SUMMARY_HEADING.is_match(text)
}
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(related( articles?| posts?| stories| news| content| coverage| topics| reading)?|(read|see) (more|also)|also read|more (stories|news|articles|posts|reading)|more (from|in|on) .{1,40}|(you|we think you) (may|might|would) (also )?(like|enjoy|be interested in)|recommended( for you| stories| articles| reading)?|popular( posts| stories| now| articles| news)?|most (read|popular|viewed|shared|commented)|trending( now| stories| news)?|latest( news| posts| stories| articles| updates)?|top (stories|news)|editor'?’?s? (picks|choice)|further reading|don'?’?t miss|what to read next|up next|read next|suggested( topics| reading| articles| stories| for you)?|(recent|latest) (posts|articles)|about the author|author bio|post navigation|next (article|post|story)|previous (article|post|story)|(next|previous|prev)|similar (articles|posts|stories)|(in|on) (this|the same) (topic|category)|more like this|читайте также|похожие (новости|материалы|статьи)|по теме|другие новости|مطالب مرتبط|اخبار مرتبط)\s*[:»›>]*$",
    )
});
static INLINE_RELATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((read|see) (more|also)|also read|related|recommended|watch|listen|must read)\s*[:|»›>–—-]\s*\S",
    )
});
static CATEGORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(tags?|tagged( with)?|topics?|categories|category|filed under|posted in|sections?|keywords)\s*[:|]",
    )
});
static BREADCRUMB_SEP: LazyLock<Regex> = LazyLock::new(|| re(r"\s[>›»/]\s|\s?[›»]\s?"));
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(^((header|featured|main|top|lead|cover|file|satellite) )?(photo|image|picture|photograph|file photo|file image|illustration|graphic|video|credit|photo credit|image credit|image source|pic|foto|фото)s?\s*(:|/|©|by\b|credit|courtesy|\|)|\((photo|image|picture|credit|file)s?\b[^)]*\)$|\b(photo|image|picture)s?\s*(:|/)\s*\S+( \S+){0,5}$|\[(file|photo|image|pic|picture|credit|courtesy)\b[^\]]*\]$|\[[^\]]{0,60}/[^\]]{1,40}\]$|/\s*(reuters|afp|ap|epa|getty( images)?|anadolu( agency)?|xinhua|tass|ria novosti|sputnik|efe|dpa|ansa|bloomberg|shutterstock|istock|file photo)\b|\bgetty images\b|\bap photo\b|\b(afp|reuters|epa|ap)\s*/\s*\S|\bvia getty\b|^courtesy (of )?\S)",
    )
});
static NAV: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(skip to (main )?(content|navigation|footer)|toggle (navigation|menu)|(main |open |close )?menu|navigation|search( for)?( …|\.\.\.)?:?|close|search results|back to top|scroll to top|go to top|loading( …|\.\.\.)?|home ?page|homepage|more|view all|see all|show more|load more|click here|privacy policy|cookie policy|terms (of (use|service)|and conditions)|contact( us)?|about( us)?|advertise( with us)?|imprint|impressum|sitemap|careers|en|ru|fa|ps|ar|uz|tg|kk|ky|tr|fr|de|es|zh)$",
    )
});
static PUBLISHED_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(published|posted|updated|last updated|first published|last modified|modified|date|publication date|released|опубликовано|обновлено|дата)(\s+(on|at))?\s*[:\-–—]?\s*",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[Bb][Yy]|Written by|Words by|Author:|Reporter:|Reported by|Автор:?)\s+(\p{Lu}[\p{L}.'’/-]*(?:,?\s+(?:and\s+|&\s+)?(?:\p{Lu}[\p{L}.'’/-]*|de|van|von|al|bin|ul|ur|el))*)",
    )
});

/// A pattern-matched line: the reason, and what it tells about the document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Hint {
    /// The outlet named by a syndication footer or a copyright line.
    pub(crate) publisher: Option<String>,
    /// The author named by a byline.
    pub(crate) author: Option<String>,
    /// A date on a published line or byline.
    pub(crate) date: Option<dossier_core::Date>,
    /// True for a "Published …" line (stronger than "Updated …").
    pub(crate) published_keyword: bool,
    /// True for a heading that opens a non-article section (related list, comments).
    pub(crate) section_break: bool,
    /// True for a line that closes the article (story credits, a rule before them): the
    /// prose after it is an author box or teasers.
    pub(crate) article_end: bool,
}

/// Cheap literal tests on one line, each a necessary condition of a pattern, so that
/// [`classify`] runs a pattern's regex only on the lines that could match it (most lines
/// are prose, which matches none). The regexes stay the judges: a test only skips them.
///
/// The tests compare ASCII case-insensitively. The patterns' `(?i)` agrees with that except
/// for two characters that Unicode case folding equates with an ASCII letter, `ſ` (s) and
/// the Kelvin sign `K` (k): on a line holding one of them (`trap`) every test passes.
struct Probe<'a> {
    /// The line without its bullet: what most patterns are matched against.
    bare: &'a str,
    trap: bool,
    /// `bare` with ASCII letters in lower case, made on first use.
    folded: OnceCell<Vec<u8>>,
}

impl<'a> Probe<'a> {
    fn new(text: &str, bare: &'a str) -> Probe<'a> {
        Probe {
            bare,
            trap: !text.is_ascii() && text.contains(['\u{17F}', '\u{212A}']),
            folded: OnceCell::new(),
        }
    }

    /// `bare` may hold one of the (lower-case ASCII) `needles`, ignoring ASCII case.
    fn contains_any(&self, needles: &[&str]) -> bool {
        if self.trap {
            return true;
        }
        let folded = self
            .folded
            .get_or_init(|| self.bare.as_bytes().to_ascii_lowercase());
        needles
            .iter()
            .any(|n| memchr::memmem::find(folded, n.as_bytes()).is_some())
    }

    /// `bare` may start with one of the (lower-case ASCII) `prefixes`, ignoring ASCII case.
    fn starts_any(&self, prefixes: &[&str]) -> bool {
        self.trap || prefixes.iter().any(|p| starts_ci(self.bare, p))
    }

    /// `bare` holds a letter outside ASCII (the Cyrillic and Arabic alternatives of a
    /// pattern need one).
    fn has_non_ascii_letter(&self) -> bool {
        !self.bare.is_ascii()
            && self
                .bare
                .chars()
                .any(|c| !c.is_ascii() && c.is_alphabetic())
    }

    /// Necessary for [`COPYRIGHT`]: "©", "(c)" or "copyright" first, "all rights reserved",
    /// or a non-ASCII letter (the Russian, Persian and Arabic phrases).
    fn may_be_copyright(&self) -> bool {
        self.bare.starts_with('©')
            || self.starts_any(&["(c)", "copyright"])
            || self.contains_any(&["all rights reserved"])
            || self.has_non_ascii_letter()
    }

    /// Necessary for [`COOKIE`]: the word "cookie", or a line as short as the button texts
    /// ("Accept all cookies", "We value your privacy"), all ASCII and at most 22 bytes.
    fn may_be_cookie(&self) -> bool {
        self.bare.len() <= 32 || self.contains_any(&["cookie"])
    }

    /// Necessary for [`CREDIT`]: one of its first words, or "contributed".
    fn may_be_credit(&self) -> bool {
        self.starts_any(&[
            "additional ",
            "reporting",
            "writing",
            "editing",
            "research",
            "compiled",
            "produced",
            "translated",
            "graphics",
            "with ",
        ]) || self.contains_any(&["contributed"])
    }

    /// Necessary for [`NEWSLETTER`]: a word of each of its alternatives.
    fn may_be_newsletter(&self) -> bool {
        self.contains_any(&[
            "newsletter",
            "sign up",
            "inbox",
            "enter your",
            "subscribe to",
            "delivered",
            "straight",
            "direct",
        ])
    }

    /// Necessary for [`CAPTION`]: a first word of its anchored alternatives (or a non-ASCII
    /// first letter: "фото"), a closing bracket, a slash, or "photo", "image", "picture",
    /// "getty".
    fn may_be_caption(&self) -> bool {
        let b = self.bare.as_bytes();
        b.first().is_some_and(|c| !c.is_ascii())
            || b.contains(&b'/')
            || self.bare.ends_with([')', ']'])
            || self.starts_any(&[
                "header ",
                "featured ",
                "main ",
                "top ",
                "lead ",
                "cover ",
                "file",
                "satellite ",
                "pic",
                "illustration",
                "graphic",
                "video",
                "credit",
                "foto",
                "courtesy ",
            ])
            || self.contains_any(&["photo", "image", "picture", "getty"])
    }
}

/// `text` starts with the lower-case ASCII `prefix`, ignoring ASCII case.
fn starts_ci(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Classifies a normalised, non-empty line by the context-free chrome patterns.
#[cfg(test)]
pub(crate) fn classify(text: &str) -> Option<(RemovalReason, Hint)> {
    classify_counted(text, features::word_count(text))
}

/// [`classify`], given the line's [`features::word_count`].
pub(crate) fn classify_counted(text: &str, text_words: usize) -> Option<(RemovalReason, Hint)> {
    let (bare, bulleted) = features::strip_bullet(text);
    // `bare` is a part of `text`: the whole line unless a bullet was stripped.
    let words = if bare.len() == text.len() {
        text_words
    } else {
        features::word_count(bare)
    };
    // The lower-case line, made only for the short lines whose tests need it.
    let lower_cell = OnceCell::new();
    let lower = || lower_cell.get_or_init(|| bare.to_lowercase()).as_str();
    let probe = Probe::new(text, bare);
    let mut hint = Hint::default();
    use RemovalReason as R;

    if (probe.trap || starts_ci(text, "the post "))
        && let Some(c) = SYNDICATION_FIRST_ON.captures(text)
    {
        hint.publisher = Some(c[1].trim().to_owned());
        return Some((R::Syndication, hint));
    }
    if words <= 35 && SYNDICATION.is_match(bare) {
        return Some((R::Syndication, hint));
    }
    if words <= 25 && probe.may_be_copyright() && COPYRIGHT.is_match(bare) {
        hint.publisher = copyright_holder(bare);
        return Some((R::Copyright, hint));
    }
    if probe.contains_any(&["lorem ipsum"]) && LOREM.is_match(bare) {
        return Some((R::Ad, hint));
    }
    if words <= 60 && probe.may_be_cookie() && COOKIE.is_match(bare) {
        return Some((R::Cookie, hint));
    }
    if is_language_menu(bare) {
        return Some((R::LanguageMenu, hint));
    }
    if words <= 12 && AD.is_match(bare) {
        return Some((R::Ad, hint));
    }
    if words <= 30 && PAYWALL.is_match(bare) {
        // The page shows no more of the article after a paywall notice.
        hint.article_end = true;
        return Some((R::Ad, hint));
    }
    if words <= 40 && probe.may_be_credit() && CREDIT.is_match(bare) {
        hint.article_end = true;
        return Some((R::Byline, hint));
    }
    // A rule starts with one of its characters.
    if text.starts_with(['_', '=', '~', '*', '#', '·', '•', '—', '–', '-']) && RULE.is_match(text)
    {
        // An underscore rule is how wire copy separates the story from its credits.
        hint.article_end = text.starts_with('_');
        return Some((R::SiteChrome, hint));
    }
    if words <= 8 && READING_TIME.is_match(bare) {
        return Some((R::SiteChrome, hint));
    }
    if words <= 5 && AUTHOR_ROLE.is_match(bare) {
        return Some((R::Byline, hint));
    }
    if words <= 6 && RELATIVE_TIME.is_match(bare) {
        return Some((R::PublishedLine, hint));
    }
    if words <= 20 && REPLY_HEADING.is_match(bare) {
        hint.section_break = true;
        return Some((R::ReplyWidget, hint));
    }
    if words <= 20 && REPLY.is_match(bare) {
        return Some((R::ReplyWidget, hint));
    }
    if words <= 8 && is_share(lower()) {
        return Some((R::Share, hint));
    }
    if words <= 30 && probe.may_be_newsletter() && NEWSLETTER.is_match(bare) {
        return Some((R::Newsletter, hint));
    }
    if words <= 4 && NAV.is_match(bare) {
        // Navigation entries ("• About", "Contact") are menu items; the rest ("Skip to
        // content", "Search", "Privacy policy") is site furniture.
        let menu_item = bulleted
            || matches!(
                lower(),
                "home" | "about" | "about us" | "contact" | "contact us" | "sitemap" | "careers"
            );
        let reason = if menu_item { R::Menu } else { R::SiteChrome };
        return Some((reason, hint));
    }
    if words <= 12 && ACCOUNT.is_match(bare) {
        return Some((R::AccountWidget, hint));
    }
    if words <= 8 && RELATED.is_match(bare) {
        hint.section_break = true;
        return Some((R::Related, hint));
    }
    if words <= 30 && INLINE_RELATED.is_match(bare) && !features::ends_sentence(bare) {
        return Some((R::Related, hint));
    }
    // A line whose lower case is "home" is one word.
    if words == 1 && lower() == "home" {
        return Some((R::Menu, hint));
    }
    if is_breadcrumb(bare) {
        return Some((R::Breadcrumb, hint));
    }
    if words <= 30 && CATEGORY.is_match(bare) || features::is_camel_concatenation(bare) {
        return Some((R::Category, hint));
    }
    if words <= 16
        && let Some(m) = PUBLISHED_PREFIX.find(bare)
        && let Some((d, _, _)) = dates::find_date(&bare[m.end()..])
    {
        hint.date = Some(d);
        let kw = lower().split_whitespace().next().unwrap_or("");
        hint.published_keyword = !matches!(kw, "updated" | "last" | "modified" | "обновлено");
        // "Posted on March 3, 2025 by Jane Doe"
        if let Some(at) = bare.find(" by ")
            && let Some(c) = BYLINE.captures(&bare[at + 1..])
        {
            hint.author = Some(c[1].trim().to_owned());
        }
        return Some((R::PublishedLine, hint));
    }
    if let Some(d) = dates::date_only(bare) {
        hint.date = Some(d);
        return Some((R::PublishedLine, hint));
    }
    // "January 14, 2025 by Jane Doe", "25 Nov 2024 | By Jane Doe": a date, then a byline.
    if words <= 16
        && let Some(at) = lower().find("by ")
        && at > 0
        && let Some(d) =
            dates::date_only(bare[..at].trim_end_matches([' ', '|', '·', '•', '-', '–', '—', ',']))
        && let Some(c) = BYLINE.captures(&bare[at..])
    {
        hint.date = Some(d);
        hint.author = Some(c[1].trim().to_owned());
        return Some((R::Byline, hint));
    }
    if words <= 14
        && let Some(c) = BYLINE.captures(bare)
    {
        let name = c[1]
            .trim()
            .trim_end_matches([',', '|', '-'])
            .trim()
            .to_owned();
        let rest = &bare[c.get(0).unwrap().end()..];
        // "By Jane Doe" alone, or followed by a date, a role or a separator.
        let date = dates::find_date(rest).map(|(d, _, _)| d);
        let short_rest = features::word_count(rest) <= 4
            && (rest.is_empty() || rest.starts_with([' ', '|', ',', '·', '•', '–', '—', '-', '(']));
        if date.is_some() || short_rest {
            hint.author = Some(name);
            hint.date = date;
            return Some((R::Byline, hint));
        }
    }
    if words <= 30 && probe.may_be_caption() && CAPTION.is_match(bare) {
        return Some((R::Caption, hint));
    }
    if words <= 10 && features::doubled(bare).is_some() {
        return Some((R::SiteChrome, hint));
    }
    None
}

static SYNDICATION_FIRST_ON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^the post .+ appeared first on (.+?)\.?$"));

/// The holder named by a copyright line: "© 2023 RASC. All Rights Reserved." → "RASC".
fn copyright_holder(text: &str) -> Option<String> {
    static STRIP: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(©|\(c\)|copyright|all rights reserved\.?|\b(19|20)\d{2}\b|[–—-]\s*(19|20)\d{2}|\bby\b|\|.*$|\.\s*$)",
        )
    });
    let s = STRIP.replace_all(text, " ");
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '–' | '|'));
    let s = s.split(". ").next().unwrap_or(s).trim();
    // "Guardian News & Media Limited or its affiliated companies", "RFE/RL, Inc": the
    // name without its company form.
    static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(,?\s+(inc|ltd|llc|limited|plc|gmbh|pvt|pty|s\.a|ag)\b\.?|\s+(and|or)(/or)? its (affiliates?|affiliated companies|licensors|subsidiaries)|\s*\().*$",
        )
    });
    let s = COMPANY.replace(s, "");
    let s = s.trim_end_matches([',', ' ']);
    let words = features::word_count(s);
    ((1..=6).contains(&words) && s.chars().next().is_some_and(char::is_uppercase))
        .then(|| s.to_owned())
}

/// Share and follow widgets: a fixed button text, or a line made only of social network
/// names and button words ("Facebook Like", "Twitter Follow", "Share on X").
fn is_share(lower: &str) -> bool {
    if SHARE.is_match(lower) {
        return true;
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '/' | '·' | '•'))
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|t| !t.is_empty())
        .collect();
    let social = tokens.iter().filter(|t| SOCIAL.contains(t)).count();
    // "Follow Dawn on WhatsApp", "Join our Telegram channel": a call to follow, ending
    // on a network.
    if social >= 1
        && tokens.len() <= 8
        && matches!(tokens[0], "follow" | "join" | "subscribe" | "like" | "find")
        && tokens
            .last()
            .is_some_and(|t| SOCIAL.contains(t) || matches!(*t, "channel" | "page"))
    {
        return true;
    }
    social >= 1
        && tokens.iter().all(|t| {
            SOCIAL.contains(t) || SOCIAL_ACTIONS.contains(t) || t.chars().all(|c| c.is_ascii_digit() || c == 'k' || c == '.')
        })
        // A lone "X", "Line" or "Copy" is not enough.
        && (social >= 2 || tokens.len() >= 2 || !matches!(tokens[0], "x" | "line" | "copy" | "link" | "ok" | "google"))
}

/// A language switcher: one language name, or several separated by `|`, `/`, `·`, `,`.
fn is_language_menu(text: &str) -> bool {
    // A part longer than every language name is none (lower case never has fewer
    // characters, nor other separators or spaces): most lines end here, before the
    // lower-casing.
    static LONGEST: LazyLock<usize> = LazyLock::new(|| {
        LANGUAGE_NAMES
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0)
    });
    if text
        .split(['|', '/', '·', '•', ','])
        .any(|p| p.trim().chars().nth(*LONGEST).is_some())
    {
        return false;
    }
    let lower = text.to_lowercase();
    let parts: Vec<&str> = lower
        .split(['|', '/', '·', '•', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| LANGUAGE_NAMES.contains(p))
}

/// A breadcrumb trail: "Home > World > Asia", "News › Afghanistan › Title".
fn is_breadcrumb(text: &str) -> bool {
    // Every separator holds '>', '/', '›' (E2 80 BA) or '»' (C2 BB).
    if !text.bytes().any(|b| matches!(b, b'>' | b'/' | 0xBA | 0xBB)) {
        return false;
    }
    let seps = BREADCRUMB_SEP.find_iter(text).count();
    if seps == 0 {
        return false;
    }
    let first = BREADCRUMB_SEP
        .split(text)
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let home = matches!(
        first.as_str(),
        "home" | "homepage" | "main" | "главная" | "خانه"
    );
    let short_trail = features::word_count(text) <= 6 && text.contains(['>', '›', '»']);
    (seps >= 2 || home || short_trail) && !features::ends_sentence(text)
}

/// An outlet describing itself under its articles: "Eurasianet is an independent news
/// organization that covers …" → "Eurasianet".
pub(crate) fn self_description(text: &str) -> Option<&str> {
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^((?:The )?\p{Lu}[\p{L}\d.&'’/-]*(?:\s+\p{Lu}[\p{L}\d.&'’/-]*){0,4}) (?:is|was) (?:a|an|the|[\p{L}’']+['’]s)\b[^.]{0,80}\b(?:news|media|newspaper|agency|outlet|publication|magazine|website|broadcaster|journal|portal|service)",
        )
    });
    ABOUT.captures(text).map(|c| c.get(1).unwrap().as_str())
}

/// A site's name written as its domain: "DAWN.COM", "Kun.uz".
pub(crate) fn is_domain_name(text: &str) -> bool {
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(www\.)?[\p{L}\d-]{2,30}\.(com|net|org|info|news|tv|media|af|kz|uz|kg|tj|tm|ru|pk|in|ir|az|am|ge|ua|co\.uk)$",
        )
    });
    DOMAIN.is_match(text)
}

/// The outlet's name in a logo link: "The Guardian - Back to home" → "The Guardian".
pub(crate) fn logo_link(text: &str) -> Option<&str> {
    static LOGO: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(.+?)\s*[-–—|:]\s*(back to |go to |return to )?(the )?(home ?page|home|main page)$",
        )
    });
    LOGO.captures(text).map(|c| c.get(1).unwrap().as_str())
}

/// A short line naming an outlet: title case, at most five words, holding a news word
/// ("Khaama Press", "The Kabul Times") or equal to the given site name.
pub(crate) fn is_outlet_name(text: &str, site: Option<&str>) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || features::ends_sentence(text) {
        return false;
    }
    if site.is_some_and(|s| s.eq_ignore_ascii_case(text)) {
        return true;
    }
    if features::title_case_share(text) < 0.99 {
        return false;
    }
    // Generic phrases ("News in English", "Latest News", "World News") name no outlet: at
    // least one capitalised word must be neither a news word nor a generic word.
    const GENERIC: &[&str] = &[
        "breaking",
        "latest",
        "top",
        "world",
        "local",
        "live",
        "all",
        "more",
        "other",
        "related",
        "home",
        "business",
        "sport",
        "sports",
        "politics",
        "in",
        "the",
        "of",
        "and",
        "&",
        "for",
        "our",
        "your",
        "new",
        "recent",
        "national",
        "international",
        "daily",
    ];
    let has_news = words.iter().any(|w| {
        NEWS_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    });
    let has_name = words.iter().any(|w| {
        let l = w.to_lowercase();
        let l = l.trim_matches(|c: char| !c.is_alphanumeric());
        !l.is_empty()
            && !NEWS_WORDS.contains(&l)
            && !GENERIC.contains(&l)
            && !LANGUAGE_NAMES.contains(&l)
    });
    // "The Guardian", "The Times": "The" and a news word is a name.
    let the_news = words.len() == 2 && words[0] == "The";
    has_news && (has_name || the_news)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> Option<&'static str> {
        classify(s).map(|(r, _)| r.as_str())
    }

    #[test]
    fn chrome_patterns() {
        assert_eq!(reason("Follow US"), Some("share"));
        assert_eq!(reason("Youtube Subscribe"), Some("share"));
        assert_eq!(reason("SHARE"), Some("share"));
        assert_eq!(
            reason("© 2023 RASC. All Rights Reserved."),
            Some("copyright")
        );
        assert_eq!(reason("- ADVERTISEMENT -"), Some("ad"));
        assert_eq!(reason("Ad imageAd image"), Some("ad"));
        assert_eq!(reason("Digital newspaper subscription"), Some("ad"));
        assert_eq!(reason("Related Articles"), Some("related"));
        assert_eq!(reason("Leave a Reply"), Some("reply_widget"));
        assert_eq!(reason("Lost your password?"), Some("account_widget"));
        assert_eq!(reason("Removed from reading list"), Some("account_widget"));
        assert_eq!(reason("English | Français"), Some("language_menu"));
        assert_eq!(reason("• English"), Some("language_menu"));
        assert_eq!(reason("Home > World > Asia"), Some("breadcrumb"));
        assert_eq!(reason("AfghanistanNewsWorld"), Some("category"));
        assert_eq!(reason("Published 25/11/2024"), Some("published_line"));
        assert_eq!(reason("By Jane Doe"), Some("byline"));
        assert_eq!(reason("By RFE/RL's Kyrgyz Service"), Some("byline"));
        assert_eq!(reason("Guardian staff and agencies"), Some("byline"));
        assert_eq!(reason("Staff Reporter"), Some("byline"));
        assert_eq!(reason("3 min read"), Some("site_chrome"));
        assert_eq!(reason("2 hours ago"), Some("published_line"));
        assert_eq!(
            reason("Reporting by Jane Doe; Editing by Mark Heinrich"),
            Some("byline")
        );
        assert_eq!(reason("Subscribe to continue reading"), Some("ad"));
        assert_eq!(reason("Advertisement · Scroll to continue"), Some("ad"));
        assert_eq!(reason("Click here to share on social media"), Some("share"));
        assert_eq!(reason("___"), Some("site_chrome"));
        let (_, hint) = classify("January 14, 2025 by Dilnoza Karimova").unwrap();
        assert_eq!(hint.author.as_deref(), Some("Dilnoza Karimova"));
        assert!(hint.date.is_some());
        assert_eq!(reason("RASC NewsRASC News"), Some("site_chrome"));
        assert_eq!(
            reason("We use cookies to improve your experience on our website."),
            Some("cookie")
        );
        assert_eq!(reason("Photo: AFP"), Some("caption"));
        assert_eq!(reason("Sign up for our newsletter"), Some("newsletter"));
        assert_eq!(
            reason("The CSTO said on Monday that the threats were growing."),
            None
        );
        assert_eq!(
            reason("By the end of the year, the ministers had met three times."),
            None
        );
        let (_, hint) = classify("The post A title appeared first on Khaama Press.").unwrap();
        assert_eq!(hint.publisher.as_deref(), Some("Khaama Press"));
        let (_, hint) = classify("© 2023 RASC. All Rights Reserved.").unwrap();
        assert_eq!(hint.publisher.as_deref(), Some("RASC"));
    }

    #[test]
    fn outlet_names() {
        assert!(is_outlet_name("Khaama Press", None));
        assert!(is_outlet_name("RASC News", None));
        assert!(is_outlet_name("Times of India", None));
        assert!(!is_outlet_name("News in English", None));
        assert!(!is_outlet_name("Latest News", None));
        assert!(is_outlet_name("The Guardian", None));
        assert_eq!(
            self_description(
                "Eurasianet is an independent news organization that covers Central Asia."
            ),
            Some("Eurasianet")
        );
        assert_eq!(
            self_description(
                "Pajhwok Afghan News is Afghanistan's largest independent news agency."
            ),
            Some("Pajhwok Afghan News")
        );
        assert_eq!(
            self_description("The minister is a former journalist."),
            None
        );
        assert!(is_domain_name("DAWN.COM"));
        assert!(!is_domain_name("Dr. Smith"));
        assert_eq!(
            logo_link("The Guardian - Back to home"),
            Some("The Guardian")
        );
        assert_eq!(
            copyright_holder(
                "© 2024 Guardian News & Media Limited or its affiliated companies. All rights reserved. (dcr)"
            )
            .as_deref(),
            Some("Guardian News & Media")
        );
        assert_eq!(
            copyright_holder("Copyright (c) 2024. RFE/RL, Inc. Used with the permission of Radio Free Europe/Radio Liberty, Washington DC 20036.").as_deref(),
            Some("RFE/RL")
        );
    }
}
