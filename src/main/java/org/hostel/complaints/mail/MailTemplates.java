package org.hostel.complaints.mail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders mails from {@code mail/messages*.properties}: {@code <template>.subject} and {@code
 * <template>.body}, whose {@code {name}} placeholders take the model's values; paragraphs are
 * separated by an empty line. The plain-text part uses the values as they are; the HTML part
 * escapes the template and every value and turns {@link URI} values into links, so nothing a
 * resident typed can become markup. The {@code layout.*} keys frame every mail.
 */
@Component
class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");
  static final String UNSUBSCRIBE_URL = "unsubscribe_url";

  private final MessageSource bundle;

  MailTemplates() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("mail/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    this.bundle = messages;
  }

  RenderedMail render(MailRequest request) {
    Map<String, Object> model = new LinkedHashMap<>(request.model());
    Map<String, String> headers = new LinkedHashMap<>();
    URI unsubscribe = request.unsubscribeUrl() == null ? null : link(request.unsubscribeUrl());
    if (unsubscribe != null) {
      model.put(UNSUBSCRIBE_URL, unsubscribe);
      // RFC 8058: mail clients offer a one-click "unsubscribe" that POSTs to this URL.
      headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
      headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    model.values().forEach(MailTemplates::checkLink);
    Locale locale = request.locale();
    String subject =
        fill(message(request.template() + ".subject", locale), model, MailTemplates::oneLine);
    List<String> paragraphs = paragraphs(message(request.template() + ".body", locale));
    List<String> footer =
        unsubscribe == null
            ? List.of(message("layout.footer", locale))
            : List.of(message("layout.footer", locale), message("layout.unsubscribe", locale));
    return new RenderedMail(
        subject,
        text(paragraphs, footer, model),
        html(subject, locale, paragraphs, footer, model),
        headers);
  }

  private static String text(
      List<String> paragraphs, List<String> footer, Map<String, Object> model) {
    StringBuilder text = new StringBuilder();
    for (String paragraph : paragraphs) {
      text.append(fill(paragraph, model, String::valueOf)).append("\n\n");
    }
    text.append("-- \n");
    footer.forEach(line -> text.append(fill(line, model, String::valueOf)).append('\n'));
    return text.toString();
  }

  private static String html(
      String subject,
      Locale locale,
      List<String> paragraphs,
      List<String> footer,
      Map<String, Object> model) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
            .append(
                HtmlUtils.htmlEscape(locale.getLanguage().isEmpty() ? "en" : locale.getLanguage()))
            .append("\"><head><meta charset=\"utf-8\"><title>")
            .append(HtmlUtils.htmlEscape(subject))
            .append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5;")
            .append("max-width:40em\">\n");
    for (String paragraph : paragraphs) {
      html.append("<p>").append(htmlFill(paragraph, model)).append("</p>\n");
    }
    html.append("<hr>\n<p style=\"color:#555;font-size:90%\">");
    html.append(String.join("<br>\n", footer.stream().map(line -> htmlFill(line, model)).toList()));
    return html.append("</p>\n</body></html>\n").toString();
  }

  /** Escapes the template text and the values alike; links become anchors. */
  private static String htmlFill(String template, Map<String, Object> model) {
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      out.append(escape(template.substring(last, m.start())));
      Object value = value(model, m.group(1));
      if (value instanceof URI uri) {
        String href = HtmlUtils.htmlEscape(uri.toString());
        out.append("<a href=\"").append(href).append("\">").append(href).append("</a>");
      } else {
        out.append(escape(String.valueOf(value)));
      }
      last = m.end();
    }
    return out.append(escape(template.substring(last))).toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text).replace("\n", "<br>\n");
  }

  private static String fill(
      String template, Map<String, Object> model, Function<Object, String> asText) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(asText.apply(value(model, m.group(1)))));
    }
    return m.appendTail(out).toString();
  }

  private static Object value(Map<String, Object> model, String name) {
    Object value = model.get(name);
    if (value == null) {
      throw new IllegalArgumentException("The mail model has no value for {" + name + "}");
    }
    return value;
  }

  /** A subject is one header line: a value with a line break must not start another header. */
  private static String oneLine(Object value) {
    return String.valueOf(value).replaceAll("[\\r\\n]+", " ");
  }

  private static List<String> paragraphs(String body) {
    return List.of(body.strip().split("\\n\\s*\\n"));
  }

  private String message(String key, Locale locale) {
    try {
      return bundle.getMessage(key, null, locale);
    } catch (NoSuchMessageException e) {
      throw new IllegalArgumentException("No mail text " + key + " in mail/messages.properties", e);
    }
  }

  /** Links in mails are absolute http(s) URLs, never {@code javascript:} or relative ones. */
  static URI link(String url) {
    URI uri = URI.create(url);
    checkLink(uri);
    return uri;
  }

  private static void checkLink(@Nullable Object value) {
    if (value instanceof URI uri
        && !(uri.isAbsolute()
            && uri.getHost() != null
            && ("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme())))) {
      throw new IllegalArgumentException("Links in mails must be absolute http(s) URLs");
    }
  }
}
