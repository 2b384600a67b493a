import type { ReviewWorkflowHooksService, SubmitExtension } from '@jiyue/kernel';

/**
 * Registration points for the plugins above review-workflow (kernel contract
 * `ReviewWorkflowHooksService`). A submit extension owns one extra field of the submit body
 * (distribution: `targets`): review-workflow validates it through the extension before anything is
 * written, checks the sites it reaches in the route's scope (`review-workflow.submit-extensions`
 * resolver) and hands the value to the extension once the submission is recorded. It stores none of it.
 */
export default (): ReviewWorkflowHooksService => {
  const extensions: SubmitExtension[] = [];
  return {
    addSubmitExtension<T>(extension: SubmitExtension<T>) {
      if (['locale', 'comment'].includes(extension.field) || extensions.some((e) => e.field === extension.field)) {
        throw new Error(`The submit field "${extension.field}" is already taken`);
      }
      extensions.push(extension as SubmitExtension);
    },
    submitExtensions: () => extensions,
  };
};
