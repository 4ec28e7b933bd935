// Node labels (text/message_node.go).
import { TextId as T } from './ids';
import { info } from './message';
import type { UiText } from './message';

export const nodeLabelPassword = (): UiText => info(T.InfoNodeLabelInputPassword, 'Password');

/** 1070002: the label generated from a JSON-schema `title`; `name` is the node name (e.g. traits.email). */
export const nodeLabelFromTitle = (title: string, name: string): UiText =>
  info(T.InfoNodeLabelGenerated, title, { title, name });

export const nodeLabelSave = (): UiText => info(T.InfoNodeLabelSave, 'Save');
export const nodeLabelId = (): UiText => info(T.InfoNodeLabelID, 'ID');
export const nodeLabelSubmit = (): UiText => info(T.InfoNodeLabelSubmit, 'Submit');
export const nodeLabelVerifyCode = (): UiText => info(T.InfoNodeLabelVerifyOTP, 'Verify code');
export const nodeLabelEmail = (): UiText => info(T.InfoNodeLabelEmail, 'Email');
export const nodeLabelResendCode = (): UiText => info(T.InfoNodeLabelResendOTP, 'Resend code');
export const nodeLabelContinue = (): UiText => info(T.InfoNodeLabelContinue, 'Continue');
export const nodeLabelRecoveryCode = (): UiText => info(T.InfoNodeLabelRecoveryCode, 'Recovery code');
export const nodeLabelVerificationCode = (): UiText =>
  info(T.InfoNodeLabelVerificationCode, 'Verification code');
export const nodeLabelRegistrationCode = (): UiText =>
  info(T.InfoNodeLabelRegistrationCode, 'Registration code');
export const nodeLabelLoginCode = (): UiText => info(T.InfoNodeLabelLoginCode, 'Login code');
export const nodeLabelLoginAndLinkCredential = (): UiText =>
  info(T.InfoNodeLabelLoginAndLinkCredential, 'Login and link credential');
export const nodeLabelPhoneNumber = (): UiText => info(T.InfoNodeLabelPhoneNumber, 'Phone number');
export const nodeLabelEmailOrPhone = (): UiText => info(T.InfoNodeLabelEmailOrPhone, 'Email or phone number');
