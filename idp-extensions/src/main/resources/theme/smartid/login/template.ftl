<#--
  SmartID HK page layout.

  Based on the keycloak.v2 login template of Keycloak 26.7.3. Everything the page templates and the
  WebAuthn / session-check scripts rely on is unchanged: the registrationLayout macro and its
  parameters, the nested sections ("header", "form", "info", "socialProviders", "show-username"),
  the importmap for rfc4648, the authChecker/passwordVisibility modules, and all form ids.

  SmartID changes:
    * a skip link and a GovHK-style header band with the "SmartID HK" wordmark;
    * the language switcher is a row of plain links (one per locale, labelled in its own language,
      with lang/hreflang) instead of a select that navigates on change (WCAG 3.2.2), and it keeps
      the same kc_locale URLs Keycloak builds;
    * a "passkeys only" notice on the passkey sign-in, registration and passkey registration pages;
    * no "Try another way" link on the passkey sign-in page (SmartID offers passkeys only);
    * alerts get role="alert"/"status" so screen readers announce them;
    * the read-only "signing in as" field is labelled (WCAG 1.3.1, 4.1.2);
    * the passkey registration page asks for the new passkey's name in a labelled field (passkeyName)
      instead of Keycloak's window.prompt pop-up.
-->
<#import "field.ftl" as field>
<#import "footer.ftl" as loginFooter>
<#import "theme-resources.ftl" as themeResourceTags>
<#macro username>
  <#assign label>
    <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
  </#assign>
  <#-- Labelled by the id it really has: keycloak.v2 points the label at "username", which is not on this page. -->
  <@field.group name="kc-attempted-username" label=label>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} ${properties.kcFormReadOnlyClass}">
          <input id="kc-attempted-username" value="${auth.attemptedUsername}" readonly>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <button id="reset-login" class="${properties.kcFormPasswordVisibilityButtonClass} kc-login-tooltip" type="button"
              aria-label="${msg('restartLoginTooltip')}" onclick="location.href='${url.loginRestartFlowUrl}'">
            <i class="fa-sync-alt fas" aria-hidden="true"></i>
            <span class="kc-tooltip-text">${msg("restartLoginTooltip")}</span>
        </button>
      </div>
    </div>
  </@field.group>
</#macro>

<#-- One entry of the language switcher. The current language is plain text marked aria-current. -->
<#macro localeItem l>
  <li class="smartid-locale__item">
    <#if l.languageTag == locale.currentLanguageTag>
      <span class="smartid-locale__current" aria-current="true" lang="${l.languageTag}">${l.label}</span>
    <#else>
      <a class="smartid-locale__link" href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}">${l.label}</a>
    </#if>
  </li>
</#macro>

<#--
  The new passkey's name, asked on the page before the passkey is created. Keycloak's webauthnRegister.js
  asks for it with window.prompt once the device has made the passkey: a pop-up without explanation that
  is easily dismissed by accident. On this page prompt answers from the field instead, so no pop-up
  appears and Keycloak's script still writes the name into its authenticatorLabel form field. A blank
  name is replaced by the suggested one on the server (PasskeyRegistration). Enter in the field creates
  the passkey, as the button does. maxlength is PasskeyLabel.MAX_LENGTH (PasskeyLabelTest keeps them equal).
-->
<#macro passkeyName>
  <form id="smartid-passkey-name-form" class="${properties.kcFormClass!} smartid-passkey-name" novalidate>
    <div class="${properties.kcFormGroupClass}">
      <div class="${properties.kcFormGroupLabelClass}">
        <label for="smartid-passkey-name" class="${properties.kcFormLabelClass}">
          <span class="${properties.kcFormLabelTextClass}">${msg("smartid.passkeyName")}</span>
        </label>
      </div>
      <span class="${properties.kcInputClass}">
        <input id="smartid-passkey-name" type="text" value="${msg("webauthn-registration-init-label")}"
               maxlength="50" autocomplete="off" aria-describedby="smartid-passkey-name-help"/>
      </span>
      <p id="smartid-passkey-name-help" class="smartid-field-help">${msg("smartid.passkeyName.help")}</p>
    </div>
  </form>
  <script>
      window.prompt = () => document.getElementById("smartid-passkey-name").value;
      document.getElementById("smartid-passkey-name-form").addEventListener("submit", (event) => {
          event.preventDefault();
          document.getElementById("registerWebAuthn").click();
      });
  </script>
</#macro>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<#assign smartidPageId = pageId!"">
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!}" lang="${lang}"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>

<head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <meta name="color-scheme" content="light${darkMode?then(' dark', '')}">
    <meta name="viewport" content="width=device-width, initial-scale=1">

    <#if properties.meta?has_content>
        <#list properties.meta?split(' ') as meta>
            <meta name="${meta?split('==')[0]}" content="${meta?split('==')[1]}"/>
        </#list>
    </#if>
    <title>${title!}</title>
    <#if themeResources?? && themeResources.favicons?has_content>
        <@themeResourceTags.renderFavicons themeResources.favicons url.resourcesPath />
    <#else>
        <link rel="icon" href="${url.resourcesPath}/img/favicon.ico" />
    </#if>
    <#if themeResources?? && themeResources.stylesCommon?has_content>
        <@themeResourceTags.renderStyles themeResources.stylesCommon url.resourcesCommonPath />
    <#elseif properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <#if themeResources?? && themeResources.styles?has_content>
        <@themeResourceTags.renderStyles themeResources.styles url.resourcesPath />
    <#elseif properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <script type="importmap">
        {
            "imports": {
                "rfc4648": "${url.resourcesCommonPath}/vendor/rfc4648/rfc4648.js"
            }
        }
    </script>
    <#if darkMode>
      <script type="module" async blocking="render">
          <#outputformat "JavaScript">
          const DARK_MODE_CLASS = ${properties.kcDarkModeClass?c};
          const mediaQuery = window.matchMedia("(prefers-color-scheme: dark)");

          updateDarkMode(mediaQuery.matches);
          mediaQuery.addEventListener("change", (event) => updateDarkMode(event.matches));

          function updateDarkMode(isEnabled) {
            const { classList } = document.documentElement;

            if (isEnabled) {
              classList.add(DARK_MODE_CLASS);
            } else {
              classList.remove(DARK_MODE_CLASS);
            }
          }
          </#outputformat>
      </script>
    </#if>
    <#if themeResources?? && themeResources.scripts?has_content>
        <@themeResourceTags.renderScripts themeResources.scripts url.resourcesPath "text/javascript" />
    <#elseif properties.scripts?has_content>
        <#list properties.scripts?split(' ') as script>
            <script src="${url.resourcesPath}/${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};

        startSessionPolling(
            ${url.ssoLoginInOtherTabsUrl?c}
        );
        </#outputformat>
    </script>
    <script type="module">
        document.addEventListener("click", (event) => {
            const link = event.target.closest("a[data-once-link]");

            if (!link) {
                return;
            }

            if (link.getAttribute("aria-disabled") === "true") {
                event.preventDefault();
                return;
            }

            const { disabledClass } = link.dataset;

            if (disabledClass) {
                link.classList.add(...disabledClass.trim().split(/\s+/));
            }

            link.setAttribute("role", "link");
            link.setAttribute("aria-disabled", "true");
        });
    </script>
    <#if authenticationSession??>
        <script type="module">
             <#outputformat "JavaScript">
            import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};

            checkAuthSession(
                ${authenticationSession.authSessionIdHash?c}
            );
            </#outputformat>
        </script>
    </#if>
    <script>
      // Workaround for https://bugzilla.mozilla.org/show_bug.cgi?id=1404468
      const isFirefox = true;
    </script>
</head>

<body id="keycloak-bg" class="${properties.kcBodyClass!} smartid-body" data-page-id="login-${smartidPageId}">
<a class="smartid-skip-link" href="#kc-main">${msg("smartid.skipToContent")}</a>
<div class="${properties.kcLogin!} smartid-login">
  <header id="kc-header" class="pf-v5-c-login__header smartid-header">
    <div class="smartid-header__inner">
      <div id="kc-header-wrapper" class="pf-v5-c-brand smartid-brand">
        <span class="smartid-brand__mark" aria-hidden="true"></span>
        <span class="smartid-brand__text">
          <span class="smartid-brand__name" lang="en">SmartID HK</span>
          <span class="smartid-brand__tagline">${msg("smartid.tagline")}</span>
        </span>
      </div>
      <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <nav id="kc-locale" class="smartid-locale" aria-label="${msg("languages")}">
          <ul class="smartid-locale__list">
            <#assign smartidLocaleOrder = ["en", "zh-HK", "zh-CN"]>
            <#list smartidLocaleOrder as tag>
              <#list locale.supported as l>
                <#if l.languageTag == tag><@localeItem l=l/></#if>
              </#list>
            </#list>
            <#list locale.supported as l>
              <#if !smartidLocaleOrder?seq_contains(l.languageTag)><@localeItem l=l/></#if>
            </#list>
          </ul>
        </nav>
      </#if>
    </div>
  </header>
  <div class="${properties.kcLoginContainer!} smartid-container">
    <main class="${properties.kcLoginMain!} smartid-card" id="kc-main" tabindex="-1">
      <div class="${properties.kcLoginMainHeader!}">
        <h1 class="${properties.kcLoginMainTitle!}" id="kc-page-title"><#nested "header"></h1>
      </div>
      <div class="${properties.kcLoginMainBody!}">
        <#if !(auth?has_content && auth.showUsername() && !auth.showResetCredentials())>
            <#if displayRequiredFields>
                <div class="${properties.kcContentWrapperClass!}">
                    <div class="${properties.kcLabelWrapperClass!} subtitle">
                        <span class="${properties.kcInputHelperTextItemTextClass!}">
                          <span class="${properties.kcInputRequiredClass!}" aria-hidden="true">*</span> ${msg("requiredFields")}
                        </span>
                    </div>
                </div>
            </#if>
        <#else>
            <#if displayRequiredFields>
                <div class="${properties.kcContentWrapperClass!}">
                    <div class="${properties.kcLabelWrapperClass!} subtitle">
                        <span class="${properties.kcInputHelperTextItemTextClass!}">
                          <span class="${properties.kcInputRequiredClass!}" aria-hidden="true">*</span> ${msg("requiredFields")}
                        </span>
                    </div>
                    <div class="${properties.kcFormClass} ${properties.kcContentWrapperClass}">
                        <#nested "show-username">
                        <@username />
                    </div>
                </div>
            <#else>
                <div class="${properties.kcFormClass} ${properties.kcContentWrapperClass}">
                  <#nested "show-username">
                  <@username />
                </div>
            </#if>
        </#if>

        <#-- App-initiated actions should not see warning messages about the need to complete the action -->
        <#-- during login.                                                                               -->
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)} smartid-alert"
                 role="${(message.type = 'error' || message.type = 'warning')?then('alert', 'status')}">
                <div class="${properties.kcAlertIconClass!}">
                    <#if message.type = 'success'><span class="${properties.kcFeedbackSuccessIcon!}"></span></#if>
                    <#if message.type = 'warning'><span class="${properties.kcFeedbackWarningIcon!}"></span></#if>
                    <#if message.type = 'error'><span class="${properties.kcFeedbackErrorIcon!}"></span></#if>
                    <#if message.type = 'info'><span class="${properties.kcFeedbackInfoIcon!}"></span></#if>
                </div>
                <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${message.summary}</span>
            </div>
        </#if>

        <#if ["webauthn-authenticate", "webauthn-register", "register"]?seq_contains(smartidPageId)>
            <div id="smartid-passkey-notice" class="smartid-notice">
                <p>${msg("passkeyOnlyNotice")}</p>
            </div>
        </#if>

        <#if smartidPageId == "webauthn-register">
            <@passkeyName/>
        </#if>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink() && smartidPageId != "webauthn-authenticate">
          <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
              <input type="hidden" name="tryAnotherWay" value="on"/>
              <a id="try-another-way" href="javascript:document.forms['kc-select-try-another-way-form'].requestSubmit()"
                  class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">
                    ${msg("doTryAnotherWay")}
              </a>
          </form>
        </#if>

        <#if switchOrganizationEnabled?? && switchOrganizationEnabled>
          <form id="kc-switch-organization-form" action="${url.loginAction}" method="post" novalidate="novalidate">
              <input type="hidden" name="switchOrganization" value="true"/>
              <a id="switch-organization" href="javascript:document.forms['kc-switch-organization-form'].requestSubmit()"
                  class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass} ${properties.kcMarginTopClass}">
                    ${msg("doSwitchOrganization")}
              </a>
          </form>
        </#if>

          <div class="${properties.kcLoginMainFooter!}">
              <#nested "socialProviders">

              <#if displayInfo>
                  <div id="kc-info" class="${properties.kcLoginMainFooterBand!} ${properties.kcFormClass}">
                      <div id="kc-info-wrapper" class="${properties.kcLoginMainFooterBandItem!}">
                          <#nested "info">
                      </div>
                  </div>
              </#if>
          </div>
      </div>

        <div class="${properties.kcLoginMainFooter!}">
            <@loginFooter.content/>
        </div>
    </main>
  </div>
</div>
</body>
</html>
</#macro>
