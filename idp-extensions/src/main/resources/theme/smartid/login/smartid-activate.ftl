<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Activation after counter enrolment (hk.smartid.idp.activation.ActivationCodeAuthenticator). -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('hkidNumber','dateOfBirth','activationCode'); section>
    <#if section = "header">
        ${msg("smartid.activation.title")}
    <#elseif section = "form">
        <p id="smartid-activation-intro">${msg("smartid.activation.intro")}</p>
        <form id="smartid-activation-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              onsubmit="activate.disabled = true; return true;">
            <@field.group name="hkidNumber" label=msg("smartid.hkid.label") required=true
                          error=kcSanitize(messagesPerField.get('hkidNumber'))?no_esc>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('hkidNumber')>${properties.kcError}</#if>">
                    <input id="hkidNumber" name="hkidNumber" type="text" value="${typedHkid!''}" autocomplete="off"
                           autocapitalize="characters" spellcheck="false" required autofocus
                           aria-describedby="hkidNumber-help input-error-container-hkidNumber"
                           aria-invalid="<#if messagesPerField.existsError('hkidNumber')>true</#if>"/>
                </span>
                <div id="hkidNumber-help" class="${properties.kcFormHelperTextClass!}">${msg("smartid.activation.hkidHelp")}</div>
            </@field.group>
            <@field.group name="dateOfBirth" label=msg("smartid.dateOfBirth") required=true
                          error=kcSanitize(messagesPerField.get('dateOfBirth'))?no_esc>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('dateOfBirth')>${properties.kcError}</#if>">
                    <input id="dateOfBirth" name="dateOfBirth" type="text" value="${typedBirth!''}" autocomplete="bday"
                           inputmode="numeric" placeholder="YYYY-MM-DD" required
                           aria-describedby="dateOfBirth-help input-error-container-dateOfBirth"
                           aria-invalid="<#if messagesPerField.existsError('dateOfBirth')>true</#if>"/>
                </span>
                <div id="dateOfBirth-help" class="${properties.kcFormHelperTextClass!}">${msg("smartid.activation.birthHelp")}</div>
            </@field.group>
            <@field.group name="activationCode" label=msg("smartid.activation.code") required=true
                          error=kcSanitize(messagesPerField.get('activationCode'))?no_esc>
                <span class="${properties.kcInputClass} <#if messagesPerField.existsError('activationCode')>${properties.kcError}</#if>">
                    <input id="activationCode" name="activationCode" type="text" value="${prefilledCode!''}"
                           autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required
                           aria-describedby="activationCode-help input-error-container-activationCode"
                           aria-invalid="<#if messagesPerField.existsError('activationCode')>true</#if>"/>
                </span>
                <div id="activationCode-help" class="${properties.kcFormHelperTextClass!}">${msg("smartid.activation.codeHelp")}</div>
            </@field.group>
            <@buttons.actionGroup>
                <@buttons.button id="smartid-activate" name="activate" label="smartid.activation.submit"
                                 class=["kcButtonPrimaryClass", "kcButtonBlockClass"] />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
