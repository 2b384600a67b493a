export default { default: {}, validator: () => {} };
